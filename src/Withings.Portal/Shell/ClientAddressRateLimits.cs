using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Withings.Portal.Shell;

/// <summary>
/// Rate-limit policies partitioned by the client's address: what every feature that writes or calls out uses, so that
/// one visitor cannot flood the database, the sandbox or Withings. The address is the connection's; behind a reverse
/// proxy, the forwarded-headers middleware makes it the real client's.
/// </summary>
public static class ClientAddressRateLimits
{
    /// <summary>Adds <paramref name="policy"/>: <paramref name="permitsPerMinute"/> requests per client address per minute.</summary>
    public static RateLimiterOptions AddPerClientAddress(this RateLimiterOptions options, string policy, int permitsPerMinute) =>
        options.AddPerClientAddress(policy, _ => (permitsPerMinute, TimeSpan.FromMinutes(1)));

    /// <summary>Adds <paramref name="policy"/> with limits read per request (e.g. from validated options).</summary>
    /// <param name="exemptThisMachine">
    /// Requests from a loopback address are not limited: the portal's own server-side calls to its embedded sandbox, all
    /// from one address on behalf of many visitors, each limited per visitor before it is made. A reverse proxy on this
    /// machine is not exempted by this: the forwarded-headers middleware has already replaced its address with the client's.
    /// </param>
    public static RateLimiterOptions AddPerClientAddress(this RateLimiterOptions options, string policy,
        Func<IServiceProvider, (int PermitLimit, TimeSpan Window)> limits, bool exemptThisMachine = false)
    {
        options.AddPolicy(policy, context =>
        {
            if (exemptThisMachine && context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address))
            {
                return RateLimitPartition.GetNoLimiter("this machine");
            }
            var (permitLimit, window) = limits(context.RequestServices);
            return RateLimitPartition.GetFixedWindowLimiter(Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window });
        });
        return options;
    }

    /// <summary>The partition key of a request: its client address.</summary>
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
