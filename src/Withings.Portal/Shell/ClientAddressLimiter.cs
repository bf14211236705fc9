using System.Threading.RateLimiting;

namespace Withings.Portal.Shell;

/// <summary>
/// A fixed-window allowance per client address for one action of a page's form. The rate-limiting middleware limits
/// whole endpoints; a page that is read by everyone and posts several actions (the paste box's Diagnose and Save) needs
/// each action counted on its own, so its handler asks a limiter like this one.
/// </summary>
public abstract class ClientAddressLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    protected ClientAddressLimiter(int permitLimit, TimeSpan window)
    {
        PermitLimit = permitLimit;
        limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 }));
    }

    public int PermitLimit { get; }

    /// <summary>Takes one permit for <paramref name="clientAddress"/>; requests without an address share one allowance.</summary>
    public bool TryAcquire(string? clientAddress)
    {
        using var lease = limiter.AttemptAcquire(string.IsNullOrEmpty(clientAddress) ? "unknown" : clientAddress);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        limiter.Dispose();
        GC.SuppressFinalize(this);
    }
}
