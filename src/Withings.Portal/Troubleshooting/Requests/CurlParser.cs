namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>Reads one curl command (options as curl documents them) into a <see cref="ParsedRequest"/>.</summary>
internal static class CurlParser
{
    public static ParsedRequest? Parse(ReadOnlySpan<char> command)
    {
        var words = new ShellWords(command);
        if (!words.Next(out var program) || !program.EndsWith("curl", StringComparison.OrdinalIgnoreCase) && !program.EndsWith("curl.exe", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string? method = null, url = null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var data = new List<string>();
        var form = new List<KeyValuePair<string, string>>();
        var getMode = false;
        // Words are read as spans and only the ones kept become strings: most words of a long paste are not kept.
        while (words.Next(out var word))
        {
            switch (word)
            {
                case "-X" or "--request":
                    method = Next(ref words)?.ToUpperInvariant();
                    break;
                case "-H" or "--header":
                    if (words.Next(out var header) && header.IndexOf(':') is var colon and > 0)
                    {
                        headers[header[..colon].Trim().ToString()] = header[(colon + 1)..].Trim().ToString();
                    }
                    break;
                case "-d" or "--data" or "--data-raw" or "--data-binary" or "--data-ascii" or "--data-urlencode" or "--json":
                    var isJson = word is "--json";
                    if (Next(ref words) is { } d)
                    {
                        data.Add(d);
                        if (isJson)
                        {
                            headers.TryAdd("Content-Type", "application/json");
                        }
                    }
                    break;
                case "-F" or "--form" or "--form-string":
                    if (words.Next(out var f) && f.IndexOf('=') is var eq and > 0)
                    {
                        form.Add(new(f[..eq].ToString(), f[(eq + 1)..].ToString()));
                    }
                    break;
                case "-G" or "--get":
                    getMode = true;
                    break;
                case "--url":
                    url = Next(ref words);
                    break;
                case "-u" or "--user" or "-A" or "--user-agent" or "-e" or "--referer" or "-o" or "--output" or "-m"
                    or "--max-time" or "--connect-timeout" or "-b" or "--cookie" or "-w" or "--write-out" or "--retry":
                    words.Next(out _);
                    break;
                default:
                    if (word.StartsWith("-X", StringComparison.Ordinal) && word.Length > 2)
                    {
                        method = word[2..].ToString().ToUpperInvariant();
                    }
                    else if (url is null && !word.StartsWith('-'))
                    {
                        url = word.ToString();
                    }
                    break;
            }
        }
        if (url is null)
        {
            return null;
        }

        var parts = UrlParts.Parse(url.Contains("://", StringComparison.Ordinal) ? url : "https://" + url);
        var query = FormData.ParseUrlEncoded(parts.Query);
        var json = headers.TryGetValue("Content-Type", out var type) && type.Contains("json", StringComparison.OrdinalIgnoreCase);
        var body = new List<KeyValuePair<string, string>>();
        foreach (var d in data)
        {
            var trimmed = d.TrimStart();
            body.AddRange(trimmed.StartsWith('{') ? FormData.ParseJsonObject(trimmed) : FormData.ParseUrlEncoded(d));
            json |= trimmed.StartsWith('{');
        }
        body.AddRange(form);

        if (getMode)
        {
            query.AddRange(body);
            body.Clear();
        }
        method ??= getMode ? "GET" : body.Count > 0 || data.Count > 0 ? "POST" : "GET";
        var format = body.Count == 0 ? BodyFormat.None : form.Count > 0 ? BodyFormat.Multipart : json ? BodyFormat.Json : BodyFormat.Form;
        return new ParsedRequest(RequestSource.Curl, method, parts.Scheme, parts.Host, parts.Port, parts.Path,
            query, body, headers, format, ParamsKnown: true);
    }

    private static string? Next(ref ShellWords words) => words.Next(out var word) ? word.ToString() : null;
}
