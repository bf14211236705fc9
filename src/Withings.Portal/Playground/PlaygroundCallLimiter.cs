using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Withings.Portal.Playground;

/// <summary>
/// Outgoing playground calls per visitor address and minute. The calls are made from a circuit, not by HTTP requests the
/// rate-limiting middleware sees, so the same fixed-window partition by client address is applied here.
/// </summary>
public sealed class PlaygroundCallLimiter(IOptions<PlaygroundOptions> options) : IDisposable
{
    public const string Refusal = "You have made too many playground calls in the last minute from this address. " +
                                  "The limit keeps the portal from flooding Withings or the sandbox: wait a minute and try again.";

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.CallsPerMinute,
            Window = TimeSpan.FromMinutes(1),
        }));

    public const string RegistrationRefusal = "You have registered too many sandbox apps from this address in the last hour: " +
                                              "use one of them, or wait and try again.";

    private readonly PartitionedRateLimiter<string> registrations = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.AppRegistrationsPerHour,
            Window = TimeSpan.FromHours(1),
        }));

    /// <summary>True when the visitor may register one more sandbox app from the playground now.</summary>
    public bool TryRegisterApp(string? clientAddress)
    {
        using var lease = registrations.AttemptAcquire(clientAddress ?? "unknown");
        return lease.IsAcquired;
    }

    /// <summary>True when the visitor at <paramref name="clientAddress"/> may make <paramref name="calls"/> more calls now.</summary>
    public bool TryAcquire(string? clientAddress, int calls = 1)
    {
        using var lease = limiter.AttemptAcquire(clientAddress ?? "unknown", calls);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        limiter.Dispose();
        registrations.Dispose();
    }
}
