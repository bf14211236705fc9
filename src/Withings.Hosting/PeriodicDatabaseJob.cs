using Microsoft.Extensions.Hosting;

namespace Withings.Hosting;

/// <summary>
/// A background job that starts once its tables exist and then runs at a fixed interval until the host stops (the
/// portal's and the sandbox's purges of expired rows). A run that fails is reported and the next tick tries again: a
/// database hiccup must not end the job.
/// </summary>
public abstract class PeriodicDatabaseJob(TimeProvider time) : BackgroundService
{
    /// <summary>The clock the interval runs on, for jobs that also need the time (tests pass a fake one).</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>
    /// Completes when the job's tables exist. Waiting on it must not hurry their preparation (the portal defers it until
    /// after its first answer); if it faults, the job ends without running, since whoever prepares them reports that.
    /// </summary>
    protected abstract Task TablesReady { get; }

    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected abstract void ReportFailure(Exception exception);

    /// <summary>
    /// Stopping ends the job without a fault: the host takes a cancelled job for a failed one when it stops before it has
    /// fully started (a port already in use), and would log a misleading "BackgroundService failed" after the real error.
    /// </summary>
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunUntilStoppedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunUntilStoppedAsync(CancellationToken stoppingToken)
    {
        var ready = TablesReady;
        await ready.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!ready.IsCompletedSuccessfully)
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval, Time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ReportFailure(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
