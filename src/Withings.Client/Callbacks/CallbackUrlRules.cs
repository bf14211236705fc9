using System.Globalization;
using System.Net;

namespace Withings.Client;

public enum CallbackUrlMode
{
    /// <summary>The Withings dashboard rules: https, a public host name, ports 80/443, at most 255 characters.</summary>
    Standard,

    /// <summary>
    /// An app in Withings' "restricted mode" (at most 10 linked users) also accepts <c>http://localhost</c> on any port
    /// (not documented by Withings; reported in https://github.com/the-momentum/open-wearables/issues/177 and
    /// https://github.com/GoldenCheetah/GoldenCheetah/issues/4065). The portal's own sandbox app uses it for local development.
    /// </summary>
    Restricted,
}

/// <summary>The result of checking one URL: empty <see cref="Problems"/> means it is accepted.</summary>
public sealed record CallbackUrlCheck(string Url, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// The callback-URL rules shared by the sandbox (app registration, notify subscribe) and the portal's live check.
/// Every message names the problem and the fix in words an integrator understands; the portal shows them verbatim.
/// </summary>
public static class CallbackUrlRules
{
    public const int MaxLength = 255;

    public static CallbackUrlCheck Check(string? url, CallbackUrlMode mode = CallbackUrlMode.Standard)
    {
        var problems = new List<string>();
        var text = url?.Trim() ?? "";
        if (text.Length == 0)
        {
            problems.Add("The URL is empty: enter the full callback URL, e.g. https://example.com/withings/callback.");
            return new(text, problems);
        }
        if (text.Length > MaxLength)
        {
            problems.Add($"The URL is {text.Length} characters long: Withings accepts at most {MaxLength}.");
        }
        if (text.Any(char.IsWhiteSpace) || !Uri.TryCreate(text, UriKind.Absolute, out var uri) ||
            uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host) || !text.Contains("://", StringComparison.Ordinal))
        {
            problems.Add("This is not a valid URL: write the full address with its scheme, e.g. https://example.com/withings/callback " +
                         "(no spaces; special characters URL-encoded).");
            return new(text, problems);
        }

        var isLocalhost = IsLocalhost(uri.Host);
        if (mode == CallbackUrlMode.Restricted && isLocalhost)
        {
            AddFragmentProblem(uri, problems);
            return new(text, problems);
        }
        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"The URL uses {uri.Scheme}://: Withings only accepts https:// callback URLs.");
        }
        if (isLocalhost)
        {
            problems.Add("localhost is not allowed: Withings must reach the callback URL from the internet. " +
                         "Use a public host name (for local development, a tunnel to your machine).");
        }
        else if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || IPAddress.TryParse(uri.Host.Trim('[', ']'), out _))
        {
            problems.Add($"{uri.Host} is an IP address: Withings only accepts host names, not IP addresses.");
        }
        if (!uri.IsDefaultPort || HasExplicitPort(text, uri))
        {
            if (uri.Port is not (80 or 443))
            {
                problems.Add($"Port {uri.Port.ToString(CultureInfo.InvariantCulture)} is not allowed: Withings only calls ports 80 and 443.");
            }
        }
        AddFragmentProblem(uri, problems);
        return new(text, problems);
    }

    /// <summary>An app's registered callback URLs: one URL or a comma-separated list, each checked on its own.</summary>
    public static (IReadOnlyList<string> Urls, IReadOnlyList<string> Problems) CheckList(string? commaSeparated, CallbackUrlMode mode = CallbackUrlMode.Standard)
    {
        var entries = (commaSeparated ?? "").Split(',');
        var urls = new List<string>();
        var problems = new List<string>();
        if (entries.All(e => e.Trim().Length == 0))
        {
            problems.Add("No callback URL: register at least one, e.g. https://example.com/withings/callback.");
            return (urls, problems);
        }
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i].Trim();
            if (entry.Length == 0)
            {
                problems.Add($"Entry {i + 1} of the list is empty: remove the extra comma.");
                continue;
            }
            var check = Check(entry, mode);
            var prefix = entries.Length > 1 ? $"{entry}: " : "";
            problems.AddRange(check.Problems.Select(problem => prefix + problem));
            if (check.IsValid && !urls.Contains(entry, StringComparer.Ordinal))
            {
                urls.Add(entry);
            }
        }
        return (urls, problems);
    }

    /// <summary>
    /// Whether a redirect_uri is registered. Decision: the redirect_uri must equal one registered URL exactly (scheme and
    /// host compared without case, everything else character for character). The Withings FAQ's (https://developer.withings.com/developer-guide/faq/faq/) "it must as a minimum have
    /// the same domain" is read as a minimum that is not enough: a URL on the right domain with another path is refused,
    /// and the message says so, so the integrator registers the exact URL.
    /// </summary>
    public static RedirectUriMatch MatchRedirectUri(string? redirectUri, IEnumerable<string> registered)
    {
        var list = registered.ToList();
        if (string.IsNullOrWhiteSpace(redirectUri))
        {
            return new(false, "redirect_uri is missing: send the exact callback URL registered for the app.");
        }
        if (list.Any(url => SameUrl(url, redirectUri)))
        {
            return new(true, "redirect_uri matches a registered callback URL.");
        }
        var registeredText = list.Count == 0 ? "no callback URL is registered" : "registered: " + string.Join(", ", list);
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var asked))
        {
            return new(false, $"redirect_uri \"{redirectUri}\" is not a valid URL ({registeredText}).");
        }
        var trailing = list.FirstOrDefault(url => SameUrl(url.TrimEnd('/'), redirectUri.TrimEnd('/')));
        if (trailing is not null)
        {
            return new(false, $"redirect_uri {redirectUri} differs from the registered {trailing} only by a trailing slash: the two must be identical.");
        }
        var sameHost = list.FirstOrDefault(url => Uri.TryCreate(url, UriKind.Absolute, out var r) && string.Equals(r.Host, asked.Host, StringComparison.OrdinalIgnoreCase));
        if (sameHost is not null)
        {
            return new(false, $"redirect_uri {redirectUri} is on the same domain as the registered {sameHost} but is not the same URL. " +
                              "Being on the same domain is not enough: register this exact URL or send the registered one.");
        }
        return new(false, $"redirect_uri {redirectUri} is not in the app's callback list ({registeredText}).");
    }

    private static bool SameUrl(string a, string b)
    {
        if (!Uri.TryCreate(a, UriKind.Absolute, out var x) || !Uri.TryCreate(b, UriKind.Absolute, out var y))
        {
            return string.Equals(a, b, StringComparison.Ordinal);
        }
        return string.Equals(x.Scheme, y.Scheme, StringComparison.OrdinalIgnoreCase) &&
               string.Equals(x.Host, y.Host, StringComparison.OrdinalIgnoreCase) &&
               x.Port == y.Port &&
               string.Equals(x.PathAndQuery, y.PathAndQuery, StringComparison.Ordinal) &&
               string.Equals(x.Fragment, y.Fragment, StringComparison.Ordinal);
    }

    private static bool IsLocalhost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    private static bool HasExplicitPort(string text, Uri uri) =>
        text.Contains($"{uri.Host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}", StringComparison.OrdinalIgnoreCase);

    private static void AddFragmentProblem(Uri uri, List<string> problems)
    {
        if (uri.Fragment.Length > 0)
        {
            problems.Add("The URL has a #fragment: callback URLs cannot contain one, because the code and state are added to the query.");
        }
    }
}

public sealed record RedirectUriMatch(bool IsMatch, string Message);
