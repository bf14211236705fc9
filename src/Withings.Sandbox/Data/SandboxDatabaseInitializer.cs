using Microsoft.EntityFrameworkCore;

namespace Withings.Sandbox.Data;

/// <summary>
/// Creates or migrates the sandbox tables, makes sure the simulated users exist as <see cref="SimulatedUsers"/> describes
/// them, then runs the other features' <see cref="SandboxSeed"/>s (e.g. the apps from configuration).
/// </summary>
/// <remarks>
/// This runs beside the rest of the host's start-up instead of before it, so a host that embeds the sandbox (the portal)
/// serves its own pages meanwhile; sandbox requests wait for it (<see cref="SandboxReadyFilter"/>). A host may also
/// defer it (<see cref="SandboxDeferral"/>) until it has done what matters more, unless someone needs the sandbox
/// first (<see cref="StartNow"/>). If it fails, the application stops, as a failed start would. A host whose start failed
/// (its port in use) is disposed without stopping: disposal then ends this work before the services it uses are gone, so
/// the real error is not followed by a false report about the sandbox.
/// </remarks>
internal sealed partial class SandboxDatabaseInitializer(
    IDbContextFactory<SandboxDbContext> factory, IEnumerable<SandboxPrerequisite> prerequisites, IEnumerable<SandboxDeferral> deferrals,
    IEnumerable<SandboxSeed> seeds, IHostApplicationLifetime lifetime, ILogger<SandboxDatabaseInitializer> logger)
    : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource disposing = new();
    private readonly TaskCompletionSource needed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task initializing = Task.CompletedTask;

    /// <summary>Completes when the sandbox's tables, users and seeds are ready; faults if they cannot be.</summary>
    public Task Ready => initializing;

    /// <summary>Someone is waiting for the sandbox: its preparation stops waiting for the host's deferrals.</summary>
    public void StartNow() => needed.TrySetResult();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var stopping = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping, disposing.Token);
        initializing = Task.Run(async () =>
        {
            using (stopping)
            {
                await InitializeOrStopAsync(stopping.Token);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>The host cancels <see cref="IHostApplicationLifetime.ApplicationStopping"/> first; this waits for the work to stop.</summary>
    public async Task StopAsync(CancellationToken cancellationToken) =>
        await initializing.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    /// <summary>Ends the work and waits for it, so that nothing it runs touches the container's disposed services.</summary>
    /// <remarks>
    /// The container calls this twice (this class is registered itself and as the hosted service), so it only cancels:
    /// <see cref="disposing"/> holds no timer, and the linked source that listens to it is disposed by the work. The
    /// cancellation is synchronous so that the work's token is cancelled before anything is disposed: CancelAsync runs
    /// the linked source's callback later, and work resuming meanwhile would report the disposal as a failure.
    /// </remarks>
    public async ValueTask DisposeAsync()
    {
        disposing.Cancel();
        await initializing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task InitializeOrStopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await InitializeAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(ex);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
            throw;
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        foreach (var prerequisite in prerequisites)
        {
            await prerequisite.WaitAsync(cancellationToken);
        }
        var deferred = deferrals.Select(deferral => deferral.WaitAsync(cancellationToken)).ToList();
        if (deferred.Count > 0)
        {
            await Task.WhenAny(Task.WhenAll(deferred), needed.Task).Unwrap().WaitAsync(cancellationToken)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
        }
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} sandbox migration(s): {Migrations}", pending.Count, pending);
            }
            await db.Database.MigrateAsync(cancellationToken);

            foreach (var user in SimulatedUsers.All)
            {
                var existing = await db.Users.FindAsync([user.Id], cancellationToken);
                if (existing is null)
                {
                    db.Users.Add(new SandboxUser
                    {
                        Id = user.Id, Name = user.Name, Description = user.Description, State = user.State,
                        HasSeededData = user.HasSeededData, Timezone = user.Timezone,
                    });
                }
                else
                {
                    (existing.Name, existing.Description, existing.State, existing.HasSeededData, existing.Timezone) =
                        (user.Name, user.Description, user.State, user.HasSeededData, user.Timezone);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        foreach (var seed in seeds)
        {
            await seed.RunAsync(cancellationToken);
        }
    }

    [LoggerMessage(LogLevel.Critical, "The sandbox database could not be prepared; stopping.")]
    private partial void LogFailed(Exception exception);
}

/// <summary>
/// What the host must have finished before the sandbox prepares its tables: a host that shares its database and its
/// Data Protection key ring with the sandbox (the portal) prepares them beside its own start, and the sandbox's seeds
/// protect app secrets with that key ring.
/// </summary>
public sealed record SandboxPrerequisite(Func<CancellationToken, Task> WaitAsync);

/// <summary>
/// What a host would rather finish before the sandbox prepares its tables, because both need the CPU (the portal: its
/// first answer). Unlike a <see cref="SandboxPrerequisite"/>, it is not waited for once a sandbox request or the host
/// needs the sandbox (<see cref="SandboxDatabaseInitializer.StartNow"/>), and a deferral that fails only ends the wait.
/// </summary>
public sealed record SandboxDeferral(Func<CancellationToken, Task> WaitAsync);

/// <summary>Data a feature puts in the sandbox's tables once they exist, before the sandbox takes requests.</summary>
internal sealed record SandboxSeed(Func<CancellationToken, Task> RunAsync);
