using Microsoft.Extensions.Options;
using Withings.Portal.Data;

namespace Withings.Portal.Troubleshooting.Cases;

/// <summary>Deletes expired cases at start-up and then every <see cref="CaseOptions.PurgeInterval"/>.</summary>
internal sealed partial class ExpiredCasePurger(
    CaseService cases, DatabaseReadiness database, IOptions<CaseOptions> options, TimeProvider time, ILogger<ExpiredCasePurger> logger)
    : BackgroundService
{
    /// <summary>
    /// Stopping ends the job without a fault: the host takes a cancelled job for a failed one when it stops before it has
    /// fully started (a port already in use), and would log a misleading "BackgroundService failed" after the real error.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await PurgeUntilStoppedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PurgeUntilStoppedAsync(CancellationToken stoppingToken)
    {
        // The tables exist only once the migrator is done; if it fails, it reports that and stops the portal.
        await database.Ready.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!database.Ready.IsCompletedSuccessfully)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, time);
        do
        {
            try
            {
                var deleted = await cases.PurgeExpiredAsync(stoppingToken);
                if (deleted > 0)
                {
                    LogPurged(deleted);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database hiccup must not stop the job; the next tick tries again.
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired troubleshooting case(s)")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired troubleshooting cases failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
