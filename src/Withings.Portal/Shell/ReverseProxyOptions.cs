using System.Net;

namespace Withings.Portal.Shell;

/// <summary>
/// The reverse proxies in front of the portal (section <c>ReverseProxy</c>). Their <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed, so rate limits count each client rather than the proxy, and cookies and HSTS
/// follow the scheme the browser used. A proxy on the same machine (loopback, as in deploy/nginx) is always believed.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>IP addresses of proxies on other machines, e.g. <c>["10.0.0.5"]</c>; anyone else's forwarded headers are ignored.</summary>
    public string[] KnownProxies { get; set; } = [];

    public IEnumerable<IPAddress> KnownProxyAddresses() => KnownProxies.Select(IPAddress.Parse);

    public bool AreValid() => KnownProxies.All(p => IPAddress.TryParse(p, out _));
}
