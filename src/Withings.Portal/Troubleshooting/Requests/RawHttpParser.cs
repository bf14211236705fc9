namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>Reads a raw HTTP/1.x request (request line, headers, blank line, body).</summary>
internal static class RawHttpParser
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "HEAD", "DELETE", "PATCH", "OPTIONS"];

    /// <summary>True when <paramref name="line"/> is a request line such as <c>POST /v2/oauth2 HTTP/1.1</c>.</summary>
    public static bool IsRequestLine(ReadOnlySpan<char> line, out string method, out string target)
    {
        method = target = "";
        line = line.Trim();
        var space = line.IndexOf(' ');
        if (space < 3 || !line.EndsWith(" HTTP/1.1", StringComparison.Ordinal) && !line.EndsWith(" HTTP/1.0", StringComparison.Ordinal)
            && !line.EndsWith(" HTTP/2", StringComparison.Ordinal))
        {
            return false;
        }
        var verb = line[..space].ToString();
        if (!Methods.Contains(verb))
        {
            return false;
        }
        var rest = line[(space + 1)..];
        var end = rest.LastIndexOf(' ');
        if (end <= 0)
        {
            return false;
        }
        method = verb;
        target = rest[..end].Trim().ToString();
        return target.Length > 0 && !target.Contains(' ', StringComparison.Ordinal);
    }

    /// <summary>Parses from a request line through its headers and body; <paramref name="consumed"/> is how far it read.</summary>
    public static ParsedRequest? Parse(ReadOnlySpan<char> text, out int consumed)
    {
        consumed = 0;
        var lineEnd = text.IndexOf('\n');
        var first = lineEnd < 0 ? text : text[..lineEnd];
        if (!IsRequestLine(first, out var method, out var target))
        {
            return null;
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pos = lineEnd < 0 ? text.Length : lineEnd + 1;
        while (pos < text.Length)
        {
            var next = text[pos..].IndexOf('\n');
            var line = (next < 0 ? text[pos..] : text[pos..(pos + next)]).TrimEnd('\r');
            pos = next < 0 ? text.Length : pos + next + 1;
            if (line.IsWhiteSpace())
            {
                break;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                break;
            }
            headers[line[..colon].Trim().ToString()] = line[(colon + 1)..].Trim().ToString();
        }

        // The body runs to the next blank line (pastes rarely hold more than one request, but logs do).
        var bodyEnd = text[pos..].IndexOf("\n\n", StringComparison.Ordinal);
        var bodyText = (bodyEnd < 0 ? text[pos..] : text[pos..(pos + bodyEnd)]).Trim();
        consumed = bodyEnd < 0 ? text.Length : pos + bodyEnd;

        var parts = UrlParts.Parse(target);
        var host = parts.Host ?? (headers.TryGetValue("Host", out var h) ? h.Split(':')[0].ToLowerInvariant() : null);
        var isJson = headers.TryGetValue("Content-Type", out var type) && type.Contains("json", StringComparison.OrdinalIgnoreCase)
            || bodyText.StartsWith('{');
        var body = bodyText.IsEmpty ? [] : isJson ? FormData.ParseJsonObject(bodyText.ToString()) : FormData.ParseUrlEncoded(bodyText);
        var format = bodyText.IsEmpty ? BodyFormat.None : isJson ? BodyFormat.Json : BodyFormat.Form;
        return new ParsedRequest(RequestSource.RawHttp, method, parts.Scheme ?? "https", host, parts.Port, parts.Path,
            FormData.ParseUrlEncoded(parts.Query), body, headers, format, ParamsKnown: true);
    }
}
