using System.Net;
using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>
/// What a redirect_uri or callbackurl inside a request shows at a glance (https, no localhost or IP, ports 80/443).
/// The full registration validator (length, exact match against the registered list) belongs to the sandbox's app
/// registration; this only turns what is visible into diagnosis facts.
/// </summary>
internal static class UrlRules
{
    public static void CheckRedirect(string? url, List<RequestIssue> issues) =>
        Check(url, "redirect_uri", SignalFacts.RedirectUriLocal, SignalFacts.RedirectUriHttp, SignalFacts.RedirectUriPort, issues);

    public static void CheckCallback(string? url, List<RequestIssue> issues) =>
        Check(url, "callbackurl", SignalFacts.CallbackLocal, SignalFacts.CallbackHttp, SignalFacts.CallbackPort, issues);

    private static void Check(string? url, string name, string local, string http, string port, List<RequestIssue> issues)
    {
        if (url is null || url.StartsWith('{') || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return;
        }
        if (uri.IsLoopback || uri.Host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(uri.Host.Trim('[', ']'), out _))
        {
            issues.Add(new(local, IssueSeverity.Error, $"`{name}` points at `{uri.Host}`: localhost and IP addresses are not allowed"));
        }
        if (uri.Scheme == Uri.UriSchemeHttp)
        {
            issues.Add(new(http, IssueSeverity.Error, $"`{name}` uses http; it must be https"));
        }
        if (!uri.IsDefaultPort && uri.Port is not (80 or 443))
        {
            issues.Add(new(port, IssueSeverity.Error, $"`{name}` uses port {uri.Port}; only 80 and 443 are allowed"));
        }
    }
}
