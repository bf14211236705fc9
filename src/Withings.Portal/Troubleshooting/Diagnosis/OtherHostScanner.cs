namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>
/// Hosts of other APIs that a text's requests go to (<c>https://api.openweathermap.org/…</c>,
/// <c>HTTPSConnectionPool(host='api.example.com'…)</c>): positive evidence that an error is about another service.
/// Links to code hosts and forums, callback and redirect URLs, local and example addresses say nothing about which
/// API failed and are skipped.
/// </summary>
internal static class OtherHostScanner
{
    private const int MaxUrls = 64;

    /// <summary>Hosts that appear around Withings problems without being the API that failed.</summary>
    private static readonly string[] ContextHosts =
    [
        "github.com", "githubusercontent.com", "gitlab.com", "stackoverflow.com", "stackexchange.com", "home-assistant.io",
        "nabu.casa", "duckdns.org", "reddit.com", "pypi.org", "npmjs.com", "nuget.org", "python.org", "readthedocs.io",
        "github.io", "localhost", "example.com", "example.org", "example.net", "ngrok", "community.", "forum.", "docs.",
    ];

    private static readonly string[] ApiPathStarts = ["/api", "/oauth", "/v1/", "/v2/", "/v3/", "/token", "/graphql", "/rest/"];

    public static void Scan(string text, ExtractedSignals signals)
    {
        Scan(text, "://", signals);
        Scan(text, "host='", signals);
        Scan(text, "host=\"", signals);
    }

    private static void Scan(string text, string marker, ExtractedSignals signals)
    {
        var from = 0;
        for (var n = 0; n < MaxUrls; n++)
        {
            var at = text.IndexOf(marker, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return;
            }
            from = at + marker.Length;
            var end = from;
            while (end < text.Length && end - from < 256 && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '\'' or ')' or '>' or '`' or ','))
            {
                end++;
            }
            var url = text.AsSpan(from, end - from);
            var slash = url.IndexOfAny('/', '?');
            var host = (slash < 0 ? url : url[..slash]).ToString().ToLowerInvariant();
            var colon = host.LastIndexOf(':');
            if (colon > 0)
            {
                host = host[..colon];
            }
            var path = slash < 0 ? "" : url[slash..].ToString().ToLowerInvariant();
            if (IsOtherApi(text, at, host, path, isPoolHost: marker != "://") && !signals.OtherHosts.Contains(host))
            {
                signals.OtherHosts.Add(host);
            }
        }
    }

    private static bool IsOtherApi(string text, int at, string host, string path, bool isPoolHost)
    {
        if (host.Length < 4 || !host.Contains('.') || host.Contains("withings", StringComparison.Ordinal) || host.Contains('{')
            || host.Contains('<') || host.Contains('*') || char.IsAsciiDigit(host[^1]))
        {
            return false; // no host, Withings, a placeholder or an IP address
        }
        foreach (var context in ContextHosts)
        {
            if (host.Contains(context, StringComparison.Ordinal))
            {
                return false;
            }
        }
        if (path.Contains("callback", StringComparison.Ordinal) || path.Contains("redirect", StringComparison.Ordinal))
        {
            return false;
        }
        var before = text.AsSpan(Math.Max(0, at - 24), Math.Min(24, at));
        if (before.Contains("redirect", StringComparison.OrdinalIgnoreCase) || before.Contains("callback", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (isPoolHost || host.StartsWith("api", StringComparison.Ordinal) || host.Contains(".api.", StringComparison.Ordinal)
            || host.StartsWith("auth.", StringComparison.Ordinal) || host.StartsWith("login.", StringComparison.Ordinal) || host.StartsWith("accounts.", StringComparison.Ordinal))
        {
            return true;
        }
        foreach (var start in ApiPathStarts)
        {
            if (path.StartsWith(start, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
