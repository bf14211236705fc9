using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Withings.Portal.Troubleshooting.Cases;

/// <summary>
/// Limits how many cases one client address saves per window. A case is saved by one action of the paste box's form,
/// posted to the page that hosts the box (the home page, /troubleshoot): a rate-limiting policy on those pages would
/// also count their reads and the box's other action, so the form's handler asks this limiter for that action alone.
/// </summary>
public sealed class CaseCreationLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public CaseCreationLimiter(IOptions<CaseOptions> options)
    {
        var settings = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.PermitLimit, Window = settings.Window, QueueLimit = 0 }));
    }

    public bool TryAcquire(string? clientAddress)
    {
        using var lease = limiter.AttemptAcquire(string.IsNullOrEmpty(clientAddress) ? "unknown" : clientAddress);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
