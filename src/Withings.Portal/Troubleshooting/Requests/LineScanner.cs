namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>
/// Requests inside one ordinary line: a quoted request line of a client or server log (urllib3, access logs) and
/// URLs, with the method and parameter placement read from the surrounding code when there is some
/// (<c>requests.get(url, params=…)</c>, <c>axios.post(url, {…})</c>, <c>new FormUrlEncodedContent(…)</c>).
/// </summary>
internal static class LineScanner
{
    private const int ContextChars = 600;
    private const int MaxUrlsPerLine = 4;
    private static readonly System.Buffers.SearchValues<char> UrlStops = System.Buffers.SearchValues.Create(" \t\"'<>`)]}|\\\r");

    private static readonly string[] KnownKeys =
    [
        "action", "grant_type", "client_id", "client_secret", "code", "redirect_uri", "refresh_token", "access_token",
        "callbackurl", "appli", "scope", "nonce", "signature", "timestamp", "meastype", "meastypes", "startdate",
        "enddate", "startdateymd", "enddateymd", "lastupdate", "data_fields", "state", "response_type", "mode",
        "oauth_consumer_key", "oauth_token", "oauth_signature", "oauth_nonce", "oauth_signature_method", "oauth_timestamp",
    ];

    public static void Scan(string text, int lineStart, int lineEnd, List<ParsedRequest> found)
    {
        var line = text.AsSpan(lineStart, lineEnd - lineStart);
        if (LogRequest(line) is { } logged)
        {
            found.Add(logged);
            return;
        }

        var offset = 0;
        for (var n = 0; n < MaxUrlsPerLine; n++)
        {
            var at = line[offset..].IndexOf("http", StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return;
            }
            at += offset;
            var rest = line[at..];
            if (!rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                offset = at + 4;
                continue;
            }
            var end = rest.IndexOfAny(UrlStops);
            var url = end < 0 ? rest : rest[..end];
            offset = at + url.Length;
            var parts = UrlParts.Parse(url.TrimEnd(".;:,"));
            if (parts.Host is null || parts.Host.Length == 0)
            {
                continue;
            }
            found.Add(FromUrl(text, lineStart, lineStart + at, parts));
        }
    }

    /// <summary>urllib3 / access-log style: <c>https://wbsapi.withings.net:443 "POST /v2/oauth2 HTTP/1.1" 200 63</c>.</summary>
    private static ParsedRequest? LogRequest(ReadOnlySpan<char> line)
    {
        var http = line.IndexOf(" HTTP/1.", StringComparison.Ordinal);
        if (http < 0)
        {
            return null;
        }
        var quote = line[..http].LastIndexOf('"');
        if (quote < 0 || !RawHttpParser.IsRequestLine(line[(quote + 1)..(http + 9)], out var method, out var target))
        {
            return null;
        }
        string? host = null;
        var scheme = line[..quote].IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            host = UrlParts.Parse(line[(scheme - 5 < 0 ? 0 : scheme - 5)..quote].Trim().TrimStart(':').ToString()).Host;
        }
        var parts = UrlParts.Parse(target);
        var query = FormData.ParseUrlEncoded(parts.Query);
        return new ParsedRequest(RequestSource.LogLine, method, "https", host ?? parts.Host, parts.Port, parts.Path,
            query, [], new Dictionary<string, string>(), BodyFormat.None, ParamsKnown: query.Count > 0);
    }

    private static ParsedRequest FromUrl(string text, int lineStart, int urlAt, UrlParts parts)
    {
        var before = text.AsSpan(lineStart, urlAt - lineStart);
        var contextEnd = Math.Min(text.Length, urlAt + ContextChars);
        var context = text[urlAt..contextEnd];
        var window = string.Concat(before.Length > 200 ? before[^200..] : before, context);

        var method = GuessMethod(before, context);
        var query = FormData.ParseUrlEncoded(parts.Query);
        var body = new List<KeyValuePair<string, string>>();
        var format = BodyFormat.None;
        var placement = GuessPlacement(window, method);
        var isCode = method is not null || placement is not null;
        if (isCode)
        {
            var pairs = KnownKeys
                .Select(k => (Key: k, Value: KeyValueScanner.First(context, k)))
                .Where(p => p.Value is not null && !query.Any(q => q.Key == p.Key))
                .Select(p => new KeyValuePair<string, string>(p.Key, p.Value!))
                .ToList();
            if (placement == "query")
            {
                query.AddRange(pairs);
            }
            else if (pairs.Count > 0)
            {
                body.AddRange(pairs);
                format = placement == "json" ? BodyFormat.Json : BodyFormat.Form;
            }
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (window.Contains("Bearer", StringComparison.Ordinal))
        {
            headers["Authorization"] = "Bearer {access_token}";
        }
        return new ParsedRequest(isCode ? RequestSource.Code : RequestSource.Url, method, parts.Scheme, parts.Host, parts.Port,
            parts.Path, query, body, headers, format, ParamsKnown: query.Count > 0 || body.Count > 0);
    }

    private static string? GuessMethod(ReadOnlySpan<char> before, string context)
    {
        var tail = before.Length > 120 ? before[^120..] : before;
        if (tail.Contains(".get(", StringComparison.OrdinalIgnoreCase) || tail.Contains("GetAsync(", StringComparison.Ordinal)
            || tail.Contains("GetStringAsync(", StringComparison.Ordinal) || tail.Contains("GET ", StringComparison.Ordinal))
        {
            return "GET";
        }
        if (tail.Contains(".post(", StringComparison.OrdinalIgnoreCase) || tail.Contains("PostAsync(", StringComparison.Ordinal)
            || tail.Contains("PostAsJsonAsync(", StringComparison.Ordinal) || tail.Contains("POST ", StringComparison.Ordinal))
        {
            return "POST";
        }
        var head = context.Length > 300 ? context[..300] : context;
        if (head.Contains("method: 'POST'", StringComparison.OrdinalIgnoreCase) || head.Contains("method: \"POST\"", StringComparison.OrdinalIgnoreCase)
            || head.Contains("method=\"POST\"", StringComparison.OrdinalIgnoreCase))
        {
            return "POST";
        }
        if (head.Contains("method: 'get'", StringComparison.OrdinalIgnoreCase) || head.Contains("method: \"get\"", StringComparison.OrdinalIgnoreCase))
        {
            return "GET";
        }
        return null;
    }

    private static string? GuessPlacement(string window, string? method)
    {
        if (window.Contains("params=", StringComparison.Ordinal) || window.Contains("params:", StringComparison.Ordinal)
            || window.Contains("query:", StringComparison.Ordinal))
        {
            return "query";
        }
        if (window.Contains("json=", StringComparison.Ordinal) || window.Contains("JSON.stringify", StringComparison.Ordinal)
            || window.Contains("AsJsonAsync", StringComparison.Ordinal) || window.Contains("application/json", StringComparison.OrdinalIgnoreCase)
            || window.Contains("JsonContent", StringComparison.Ordinal)
            || (method == "POST" && window.Contains("axios", StringComparison.OrdinalIgnoreCase) && !window.Contains("URLSearchParams", StringComparison.Ordinal)))
        {
            return "json";
        }
        if (window.Contains("data=", StringComparison.Ordinal) || window.Contains("body:", StringComparison.Ordinal)
            || window.Contains("FormUrlEncodedContent", StringComparison.Ordinal) || window.Contains("URLSearchParams", StringComparison.Ordinal)
            || window.Contains("form=", StringComparison.Ordinal))
        {
            return "body";
        }
        return null;
    }
}
