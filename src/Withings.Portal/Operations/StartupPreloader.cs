namespace Withings.Portal.Operations;

/// <summary>
/// Builds the services the first requests need (the content, the troubleshooter's topics) on another thread while
/// the database is migrated, instead of one after the other: the host starts them before any hosted service, and the
/// portal takes no request until they are built. A service that fails to build fails the start, as before.
/// </summary>
/// <remarks>
/// Registered by the features that own the services, with <see cref="StartupPreloadExtensions.PreloadAtStartup{T}"/>.
/// Its <see cref="StartAsync"/> (where it waits) runs in registration order, after the database migrator registered
/// before it, so the two overlap.
/// </remarks>
internal sealed partial class StartupPreloader(
    IEnumerable<StartupPreload> preloads, IServiceProvider services, ILogger<StartupPreloader> logger) : IHostedLifecycleService
{
    private Task preloading = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        preloading = Task.WhenAll(preloads.Select(preload => Task.Run(() =>
        {
            var started = TimeProvider.System.GetTimestamp();
            preload.Build(services);
            LogBuilt(preload.Name, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }, cancellationToken)));
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => preloading.WaitAsync(cancellationToken);

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Debug, "{Service} built at start-up in {Milliseconds:F0} ms")]
    private partial void LogBuilt(string service, double milliseconds);
}

/// <summary>One service to build at start-up, and what to do with it once built.</summary>
public sealed record StartupPreload(string Name, Action<IServiceProvider> Build);
