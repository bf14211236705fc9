using Microsoft.Extensions.Logging.Abstractions;
using Withings.Portal.Content;

namespace Withings.Portal.Troubleshooting.Topics;

/// <summary>
/// The current troubleshooter topics, built from the content store's snapshot: <see cref="ContentStore"/> is the one
/// reader and watcher of <c>content/</c>, and each of its reloads rebuilds the catalog here before cached pages are
/// evicted. An edit that no longer validates is logged and the last good catalog stays, so a typo never takes the
/// troubleshooter down; invalid topics at start-up stop the start.
/// </summary>
public sealed partial class TopicLibrary : IDisposable
{
    private readonly ContentStore? store;
    private readonly ILogger<TopicLibrary> logger;
    private volatile TopicCatalog current;

    public TopicLibrary(ContentStore store, ILogger<TopicLibrary> logger)
    {
        this.store = store;
        this.logger = logger;
        current = Build(store.Current);
        store.Reloaded += Rebuild;
    }

    /// <summary>A library that never changes (tests and tools that have a catalog already).</summary>
    public TopicLibrary(TopicCatalog catalog)
    {
        logger = NullLogger<TopicLibrary>.Instance;
        current = catalog;
    }

    public TopicCatalog Current => current;

    public static TopicCatalog Build(ContentSnapshot snapshot)
    {
        var topicFolder = ContentKind.Troubleshoot.Folder() + "/";
        var unreadable = snapshot.Problems.Where(p => p.File.StartsWith(topicFolder, StringComparison.Ordinal)
            && !snapshot.SourcesOf(ContentKind.Troubleshoot).Any(f => f.RelativePath == p.File));
        return TopicCatalog.FromFiles(snapshot.SourcesOf(ContentKind.Troubleshoot), unreadable);
    }

    private void Rebuild(ContentSnapshot snapshot)
    {
        try
        {
            current = Build(snapshot);
        }
        catch (TopicValidationException ex)
        {
            LogReloadRefused(ex.Message);
            return;
        }
        LogReloaded(current.Topics.Count);
    }

    public void Dispose()
    {
        if (store is not null)
        {
            store.Reloaded -= Rebuild;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Troubleshooter content changed but does not validate; keeping the previous topics. {Problems}")]
    private partial void LogReloadRefused(string problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Troubleshooter topics rebuilt: {Count} topics")]
    private partial void LogReloaded(int count);
}
