using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Withings.Portal.Shell;

namespace Withings.Portal.Content;

/// <summary>
/// Holds the current <see cref="ContentSnapshot"/> and replaces it when a file under the content root changes,
/// then evicts the cached help pages, so an edited Markdown file shows on the next request without a restart.
/// </summary>
public sealed partial class ContentStore : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    private readonly ContentLoader loader;
    private readonly IOutputCacheStore cache;
    private readonly ILogger<ContentStore> logger;
    private readonly PhysicalFileProvider? files;
    private readonly IDisposable? watch;
    private readonly Timer reloadTimer;
    private ContentSnapshot current;

    public ContentStore(IOptions<ContentOptions> options, IHostEnvironment environment, ContentLoader loader,
        IOutputCacheStore cache, ILogger<ContentStore> logger)
    {
        this.loader = loader;
        this.cache = cache;
        this.logger = logger;
        Root = options.Value.ResolveRoot(environment.ContentRootPath);
        reloadTimer = new Timer(_ => ReloadAfterChange(), null, Timeout.Infinite, Timeout.Infinite);
        current = Load();

        if (Directory.Exists(Root))
        {
            files = new PhysicalFileProvider(Root);
            watch = ChangeToken.OnChange(() => files.Watch("**/*.md"), () => reloadTimer.Change(Debounce, Timeout.InfiniteTimeSpan));
        }
        else
        {
            LogMissingRoot(Root);
        }
    }

    public string Root { get; }

    public ContentSnapshot Current => Volatile.Read(ref current);

    /// <summary>
    /// Raised after a new snapshot is in place and before cached pages are evicted, so that features deriving data from
    /// the content (the troubleshooter's topics) are up to date when the pages are rendered again.
    /// </summary>
    public event Action<ContentSnapshot>? Reloaded;

    public ContentSnapshot Reload()
    {
        var snapshot = Load();
        Volatile.Write(ref current, snapshot);
        Reloaded?.Invoke(snapshot);
        _ = cache.EvictByTagAsync(HelpPageCachePolicy.ContentTag, CancellationToken.None).AsTask();
        LogReloaded(snapshot.Pages.Count);
        return snapshot;
    }

    /// <summary>
    /// The watcher's reload runs on a timer thread, where an exception would end the process: a folder that cannot be
    /// read right now (being replaced, permissions) keeps the pages as they were until the next change.
    /// </summary>
    internal void ReloadAfterChange()
    {
        try
        {
            Reload();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogReloadFailed(ex);
        }
    }

    private ContentSnapshot Load()
    {
        var snapshot = loader.Load(Root);
        foreach (var problem in snapshot.Problems)
        {
            LogProblem(problem.File, problem.Line, problem.Problem);
        }
        return snapshot;
    }

    public void Dispose()
    {
        watch?.Dispose();
        files?.Dispose();
        reloadTimer.Dispose();
    }

    [LoggerMessage(LogLevel.Warning, "Content problem in {File}:{Line}: {Problem}")]
    private partial void LogProblem(string file, int line, string problem);

    [LoggerMessage(LogLevel.Error, "The content folder {Root} does not exist: help pages will be missing. Set Content:Root.")]
    private partial void LogMissingRoot(string root);

    [LoggerMessage(LogLevel.Warning, "The content could not be reloaded after a change; the pages stay as they were until the next change")]
    private partial void LogReloadFailed(Exception exception);

    [LoggerMessage(LogLevel.Information, "Content reloaded: {Count} pages")]
    private partial void LogReloaded(int count);
}
