using System.Net;

namespace Withings.Portal.Shell;

/// <summary>
/// The reverse proxies in front of the portal (section <c>ReverseProxy</c>). Their <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed, so rate limits count each client rather than the proxy, and cookies, HTTPS
/// redirection and HSTS follow the scheme the browser used. A proxy on the same machine (loopback, as in deploy/nginx) is
/// always believed; proxies elsewhere are listed by address or by network (a load balancer's subnet).
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>IP addresses of proxies on other machines, e.g. <c>["10.0.0.5"]</c>; anyone else's forwarded headers are ignored.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks whose proxies are believed, in CIDR notation, e.g. <c>["10.0.0.0/8"]</c> for a cloud load balancer.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row may append to <c>X-Forwarded-For</c> (a CDN in front of nginx is 2).</summary>
    public int ForwardLimit { get; set; } = 1;

    public IEnumerable<IPAddress> KnownProxyAddresses() => KnownProxies.Select(IPAddress.Parse);

    public IEnumerable<IPNetwork> KnownNetworkRanges() => KnownNetworks.Select(IPNetwork.Parse);

    public bool AreValid() =>
        KnownProxies.All(p => IPAddress.TryParse(p, out _)) && KnownNetworks.All(n => IPNetwork.TryParse(n, out _)) &&
        ForwardLimit is >= 1 and <= 10;
}
