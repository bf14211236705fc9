namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>
/// Finds the requests in pasted text: curl commands, raw HTTP requests, client log lines
/// (<c>"POST /v2/oauth2 HTTP/1.1" 200 63</c>), URLs, and client calls in code. One pass over the lines, each line
/// looked at a bounded number of times; at most <see cref="MaxRequests"/> requests are kept.
/// </summary>
public static class RequestParser
{
    public const int MaxRequests = 40;
    private const int MaxCommandLength = 64 * 1024;

    public static IReadOnlyList<ParsedRequest> Parse(string text)
    {
        var found = new List<ParsedRequest>();
        var pos = 0;
        while (pos < text.Length && found.Count < MaxRequests)
        {
            var lineEnd = text.IndexOf('\n', pos);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }
            var line = text.AsSpan(pos, lineEnd - pos);
            var next = lineEnd + 1;

            var curlAt = CurlStart(line);
            if (curlAt >= 0)
            {
                // The whole command is consumed even when it holds no URL, so continuation lines are read once.
                var end = CommandEnd(text, pos + curlAt);
                if (CurlParser.Parse(text.AsSpan(pos + curlAt, end - pos - curlAt)) is { } curl)
                {
                    found.Add(curl);
                }
                pos = end + 1;
                continue;
            }
            else if (RawHttpParser.IsRequestLine(line, out _, out _))
            {
                var raw = RawHttpParser.Parse(text.AsSpan(pos, Math.Min(text.Length - pos, MaxCommandLength)), out var consumed);
                if (raw is not null)
                {
                    found.Add(raw);
                    pos += Math.Max(consumed, line.Length) + 1;
                    continue;
                }
            }
            else
            {
                LineScanner.Scan(text, pos, lineEnd, found);
            }
            pos = next;
        }
        return found.Count > MaxRequests ? found.GetRange(0, MaxRequests) : found;
    }

    private static int CurlStart(ReadOnlySpan<char> line)
    {
        var from = 0;
        while (from < line.Length)
        {
            var at = line[from..].IndexOf("curl", StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return -1;
            }
            at += from;
            var rest = line[(at + 4)..];
            var isCommand = rest.StartsWith(" ", StringComparison.Ordinal) || rest.StartsWith(".exe ", StringComparison.OrdinalIgnoreCase);
            if (isCommand && (at == 0 || line[at - 1] is ' ' or '\t' or '$' or '>' or '`' or '(' or '"' or '\''))
            {
                return at;
            }
            from = at + 4;
        }
        return -1;
    }

    /// <summary>End of a shell command: the end of the line, unless it ends in a continuation (\, ^ or `).</summary>
    private static int CommandEnd(string text, int start)
    {
        var pos = start;
        while (pos < text.Length && pos - start < MaxCommandLength)
        {
            var end = text.IndexOf('\n', pos);
            if (end < 0)
            {
                return text.Length;
            }
            var last = end - 1;
            while (last > pos && text[last] is '\r' or ' ' or '\t')
            {
                last--;
            }
            if (text[last] is not ('\\' or '^' or '`'))
            {
                return end;
            }
            pos = end + 1;
        }
        return Math.Min(text.Length, start + MaxCommandLength);
    }
}
