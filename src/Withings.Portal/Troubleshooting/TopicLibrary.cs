using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Withings.Portal.Content;
using Withings.Portal.Troubleshooting.Diagnosis;
using Withings.Portal.Troubleshooting.Requests;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Troubleshooting;

/// <summary>
/// The current topics with the engine and linter built on them. Editing a file under <c>content/troubleshoot/</c>
/// while the portal runs swaps in a new snapshot; a file that no longer validates is logged and the last good
/// snapshot stays, so a typo never takes the troubleshooter down. Invalid content at start-up fails the start.
/// </summary>
public sealed partial class TopicLibrary : IDisposable
{
    private readonly string root;
    private readonly ILogger<TopicLibrary> logger;
    private readonly PhysicalFileProvider? files;
    private readonly IDisposable? watch;
    private volatile TopicSnapshot current;

    public TopicLibrary(IOptions<ContentOptions> options, IHostEnvironment environment, ILogger<TopicLibrary> logger)
        : this(options.Value.ResolveRoot(environment.ContentRootPath), logger, watchFiles: true)
    {
    }

    public TopicLibrary(string contentRoot, ILogger<TopicLibrary> logger, bool watchFiles)
    {
        root = contentRoot;
        this.logger = logger;
        current = TopicSnapshot.Load(root);
        if (watchFiles && Directory.Exists(Path.Combine(root, TopicCatalog.Folder)))
        {
            files = new PhysicalFileProvider(root);
            watch = ChangeToken.OnChange(() => files.Watch($"{TopicCatalog.Folder}/*.md"), () => Reload());
        }
    }

    public TopicSnapshot Current => current;

    /// <summary>Raised after a new snapshot is in place (e.g. to evict cached topic pages).</summary>
    public event Action<TopicSnapshot>? Changed;

    /// <summary>Reads the files again; returns false (and keeps the current snapshot) when they do not validate.</summary>
    public bool Reload()
    {
        try
        {
            current = TopicSnapshot.Load(root);
        }
        catch (Exception ex) when (ex is TopicValidationException or ContentException or IOException)
        {
            LogReloadRefused(ex.Message);
            return false;
        }
        LogReloaded(current.Catalog.Topics.Count);
        Changed?.Invoke(current);
        return true;
    }

    public void Dispose()
    {
        watch?.Dispose();
        files?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Troubleshooter content changed but does not validate; keeping the previous topics. {Problems}")]
    private partial void LogReloadRefused(string problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Troubleshooter content reloaded: {Count} topics")]
    private partial void LogReloaded(int count);
}

/// <summary>One consistent set: the catalog and the engine and linter built from it.</summary>
public sealed record TopicSnapshot(TopicCatalog Catalog, DiagnosisEngine Engine, RequestLinter Linter)
{
    public static TopicSnapshot Load(string contentRoot)
    {
        var catalog = TopicCatalog.Load(contentRoot);
        return new TopicSnapshot(catalog, new DiagnosisEngine(catalog), new RequestLinter(catalog));
    }
}
