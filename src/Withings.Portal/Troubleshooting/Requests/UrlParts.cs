namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>Scheme, host, port, path and query of a URL or of a request target, tolerant of placeholders and junk.</summary>
internal readonly record struct UrlParts(string? Scheme, string? Host, int? Port, string Path, string Query)
{
    public static UrlParts Parse(ReadOnlySpan<char> url)
    {
        string? scheme = null, host = null;
        int? port = null;
        var hash = url.IndexOf('#');
        if (hash >= 0)
        {
            url = url[..hash];
        }
        var sep = url.IndexOf("://", StringComparison.Ordinal);
        if (sep > 0)
        {
            scheme = url[..sep].ToString().ToLowerInvariant();
            url = url[(sep + 3)..];
            var end = url.IndexOfAny('/', '?');
            var authority = end < 0 ? url : url[..end];
            url = end < 0 ? [] : url[end..];
            var at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                authority = authority[(at + 1)..];
            }
            var colon = authority.LastIndexOf(':');
            if (colon > 0 && authority[^1] != ']' && int.TryParse(authority[(colon + 1)..], out var p))
            {
                port = p;
                authority = authority[..colon];
            }
            host = authority.ToString().ToLowerInvariant();
        }
        var q = url.IndexOf('?');
        var path = (q < 0 ? url : url[..q]).ToString();
        var query = q < 0 ? "" : url[(q + 1)..].ToString();
        return new UrlParts(scheme, host, port, path.Length == 0 ? "/" : path, query);
    }
}
