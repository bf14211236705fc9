using Microsoft.Extensions.Options;
using Withings.Hosting;
using Withings.Portal.Data;

namespace Withings.Portal.Troubleshooting.Cases;

/// <summary>Deletes expired cases once the database is prepared and then every <see cref="CaseOptions.PurgeInterval"/>.</summary>
internal sealed partial class ExpiredCasePurger(
    CaseService cases, DatabaseReadiness database, IOptions<CaseOptions> options, TimeProvider time, ILogger<ExpiredCasePurger> logger)
    : PeriodicDatabaseJob(time)
{
    protected override Task TablesReady => database.Ready;

    protected override TimeSpan Interval => options.Value.PurgeInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var deleted = await cases.PurgeExpiredAsync(cancellationToken);
        if (deleted > 0)
        {
            LogPurged(deleted);
        }
    }

    protected override void ReportFailure(Exception exception) => LogFailed(exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired troubleshooting case(s)")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired troubleshooting cases failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
