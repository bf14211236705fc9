using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Withings.Portal.Troubleshooting.Cases;

/// <summary>
/// Limits how many cases one client address saves per window. Cases are saved from an interactive island, over the
/// circuit rather than an HTTP request, so the ASP.NET Core rate-limiting middleware never sees them; the page that
/// hosts the island passes the client's address in (it travels inside the protected component state).
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
