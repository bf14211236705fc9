using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Withings.Portal.Operations;

namespace Withings.Portal.Data;

/// <summary>
/// Prepares the database: creates it on first run, applies pending migrations, loads the Data Protection key ring
/// (creating the first key on a fresh database), then runs what features need once their tables exist
/// (<see cref="AfterMigration"/>, e.g. the support admin from configuration).
/// </summary>
/// <remarks>
/// This runs after the start-up instead of during it: on a fresh database the migrations and the first key take about
/// as long as building the request pipeline and starting Kestrel, and on two cores they took the CPU the first page
/// needs, while help pages need neither (docs/PERFORMANCE.md, start-up). So it begins with the portal's first answer
/// (<see cref="FirstAnswer"/>, at most 5 s after the start), or at once when a request or a test needs the database
/// (<see cref="DatabaseReadiness.PrepareNow"/>, called by <see cref="DatabaseReadyGate"/>). Requests that need it wait
/// for it, and so do background jobs (<see cref="DatabaseReadiness.Ready"/>). If it fails, the portal stops with exit
/// code 1, as a failed start would.
/// </remarks>
internal sealed partial class DatabaseMigrator(
    IDbContextFactory<PortalDbContext> factory, IDataProtectionProvider dataProtection, IEnumerable<AfterMigration> steps,
    DatabaseReadiness readiness, FirstAnswer firstAnswer, IServiceProvider services, IHostApplicationLifetime lifetime,
    ILogger<DatabaseMigrator> logger)
    : IHostedService, IAsyncDisposable
{
    // Cancelled when the host stops, or when it is disposed after a start that failed elsewhere (StopAsync never runs then).
    private readonly CancellationTokenSource stopping = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
    private Task preparing = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A thread of its own: at start-up the thread pool has as many threads as cores, and the content preloads
        // (StartupPreloader) occupy them, so a pool task would wait for them before it starts.
        preparing = Task.Factory.StartNew(() => PrepareOrStopAsync(stopping.Token), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        return Task.CompletedTask;
    }

    /// <summary>The host cancels <see cref="IHostApplicationLifetime.ApplicationStopping"/> first; this waits for the work to stop.</summary>
    public async Task StopAsync(CancellationToken cancellationToken) =>
        await preparing.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    /// <summary>Stops the work and waits for it, so that nothing touches the database once the services are gone.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await preparing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stopping.Dispose();
    }

    private async Task PrepareOrStopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAny(readiness.Wanted, firstAnswer.WaitAsync(cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            await PrepareAsync(cancellationToken);
            readiness.Succeeded();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            readiness.Abandoned(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(ex);
            readiness.Failed(ex);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
        catch (Exception ex)
        {
            // Stopped part-way (e.g. the services were disposed under it): nothing to report, but no one may wait forever.
            readiness.Failed(ex);
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                LogApplying(pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }

            if (db.Database.IsSqlite())
            {
                // Write-ahead logging lets readers (page renders) proceed while a vote or a case is being written.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        // Data Protection's own start-up service, which would do this, is not registered (PortalDataExtensions): it
        // runs before this has created the key table. Loading the ring here spares the first page with a form token
        // (support, playground) the first key's creation.
        dataProtection.CreateProtector("Withings.Portal.Startup").Protect([0]);

        foreach (var step in steps)
        {
            await step.RunAsync(services, cancellationToken);
        }
    }

    [LoggerMessage(LogLevel.Information, "Applying {Count} database migration(s): {Migrations}")]
    private partial void LogApplying(int count, string migrations);

    [LoggerMessage(LogLevel.Critical, "The portal database could not be prepared; stopping.")]
    private partial void LogFailed(Exception exception);
}

/// <summary>Work a feature does once the database is migrated, before the portal takes requests that need it.</summary>
public sealed record AfterMigration(string Name, Func<IServiceProvider, CancellationToken, Task> RunAsync);
