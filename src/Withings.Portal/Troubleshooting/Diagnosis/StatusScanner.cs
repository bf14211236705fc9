namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>
/// Status codes in any shape clients print them: <c>"status":503</c>, <c>'status': 503</c>, <c>status: 503</c>,
/// <c>status=601</c>, "status 293" (prose), HTTP status lines, urllib3's <c>"POST /v2/oauth2 HTTP/1.1" 200 63</c>,
/// requests' <c>404 Client Error</c>, axios' "Request failed with status code 503", HttpClient's
/// "does not indicate success: 404". Each occurrence is read with a bounded look-ahead.
/// </summary>
internal static class StatusScanner
{
    /// <summary>An HTTP status with its reason phrase ("401 Unauthorized", "404 Not Found"), as every HTTP stack prints it.</summary>
    private static readonly (string Reason, int Code)[] ReasonPhrases =
    [
        (" Bad Request", 400), (" Unauthorized", 401), (" Forbidden", 403), (" Not Found", 404), (" Too Many Requests", 429),
        (" Internal Server Error", 500), (" Bad Gateway", 502), (" Service Unavailable", 503), (" Gateway Time", 504),
    ];

    /// <summary>Where each reader looks: the keyword it follows (or, for reason phrases, precedes).</summary>
    private static readonly (string Keyword, Reader Read)[] Readers =
    [
        ("status", StatusAfterKeyword),
        ("HTTP/1.", StatusAfterHttpVersion),
        ("HTTP/2", StatusAfterHttpVersion),
        // Withings answers HTTP 200 with the error in the body, so a client's "Received error code: 503" is the body status.
        ("error code", (t, i, s) => Number(t, SkipSeparators(t, i)) is { } n ? (n, StatusLayer.Body) : null),
        (" Client Error", NumberBefore),
        (" Server Error", NumberBefore),
        ("does not indicate success:", (t, i, s) => Number(t, SkipSeparators(t, i)) is { } n ? (n, StatusLayer.Http) : null),
        ("HTTP ", StatusAfterHttpWord),
        .. ReasonPhrases.Select(r => (r.Reason, (Reader)((t, i, at) => NumberBefore(t, i, at) is { } found && found.Item1 == r.Code ? found : null))),
    ];

    /// <summary>All keywords in one vectorized search: a paste is walked once, not once per keyword.</summary>
    private static readonly System.Buffers.SearchValues<string> Keywords =
        System.Buffers.SearchValues.Create(Readers.Select(r => r.Keyword).ToArray(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Each reader's keyword's first character, lower-cased (all are ASCII): a cheap test before the comparison.</summary>
    private static readonly char[] FirstChars = Readers.Select(r => char.ToLowerInvariant(r.Keyword[0])).ToArray();

    public static void Scan(string text, ExtractedSignals signals)
    {
        // Statuses are added reader by reader, each in text order, as separate scans would add them: the first body
        // status found is the one a topic's steps are pre-filled with, so the order is part of the result.
        var found = new List<(int Reader, int At, FoundStatus Status)>();
        var mentions = new int[Readers.Length];
        var nextFree = new int[Readers.Length];
        var kept = new int[Readers.Length];
        var seen = new HashSet<(int Reader, FoundStatus Status)>();
        var pos = 0;
        while (pos < text.Length)
        {
            var at = text.AsSpan(pos).IndexOfAny(Keywords);
            if (at < 0)
            {
                break;
            }
            pos += at;
            var rest = text.AsSpan(pos);
            var first = char.ToLowerInvariant(rest[0]);
            for (var r = 0; r < Readers.Length; r++)
            {
                if (FirstChars[r] != first)
                {
                    continue;
                }
                var (keyword, read) = Readers[r];
                // An occurrence inside the reader's previous one is not a new mention (separate scans skipped it too).
                if (pos < nextFree[r] || mentions[r] >= DiagnosisLimits.MaxStatusMentions || !rest.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                mentions[r]++;
                nextFree[r] = pos + keyword.Length;
                // Distinct statuses per reader, as many as the signals keep: a crafted paste cannot grow the list.
                if (read(text, pos + keyword.Length, pos) is { } status && status.Code is >= 0 and < 100_000
                    && kept[r] < ExtractedSignals.MaxStatuses && seen.Add((r, new FoundStatus(status.Code, status.Layer))))
                {
                    kept[r]++;
                    found.Add((r, pos, new FoundStatus(status.Code, status.Layer)));
                }
            }
            pos++;
        }
        found.Sort((a, b) => a.Reader != b.Reader ? a.Reader.CompareTo(b.Reader) : a.At.CompareTo(b.At));
        foreach (var (_, _, status) in found)
        {
            signals.AddStatus(status.Code, status.Layer);
        }
    }

    /// <summary>
    /// "HTTP 404", "HTTP Error 404" (urllib), "HTTP status 410": an HTTP status in prose. A 503 is left to the other
    /// readers: people write "HTTP 503" for Withings' body status 503 as often as for an HTTP answer.
    /// </summary>
    private static (int, StatusLayer)? StatusAfterHttpWord(string text, int i, int keywordAt)
    {
        if (keywordAt > 0 && char.IsAsciiLetter(text[keywordAt - 1]))
        {
            return null;
        }
        foreach (var word in (string[])["error ", "status ", "code "])
        {
            if (text.AsSpan(i).StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                i += word.Length;
                break;
            }
        }
        return Number(text, i) is { } code and >= 400 and <= 599 and not 503 ? (code, StatusLayer.Http) : null;
    }

    private delegate (int Code, StatusLayer Layer)? Reader(string text, int afterKeyword, int keywordAt);

    private static (int, StatusLayer)? StatusAfterKeyword(string text, int i, int keywordAt)
    {
        // "statusCode"/"status_code"/"status code" is an HTTP-ish wording; "http_status" and "status_message" are not a body status.
        if (keywordAt > 0 && (char.IsAsciiLetterOrDigit(text[keywordAt - 1]) || text[keywordAt - 1] == '_'))
        {
            return null;
        }
        var quotedKey = keywordAt > 0 && text[keywordAt - 1] is '"' or '\'';
        var layer = quotedKey ? StatusLayer.Body : StatusLayer.Unknown;
        var start = i;
        if (i < text.Length && text[i] is '_' or 'C' or 'c' or ' ')
        {
            var rest = text.AsSpan(i, Math.Min(6, text.Length - i));
            if (rest.StartsWith("code", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("_code", StringComparison.OrdinalIgnoreCase)
                || rest.StartsWith(" code", StringComparison.OrdinalIgnoreCase))
            {
                i += rest.StartsWith("code", StringComparison.OrdinalIgnoreCase) ? 4 : 5;
                layer = keywordAt >= 24 && text.AsSpan(keywordAt - 24, 24).Contains("failed with", StringComparison.OrdinalIgnoreCase)
                    ? StatusLayer.Http
                    : StatusLayer.Unknown;
            }
        }
        if (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            return null;
        }
        var j = SkipSeparators(text, i);
        if (j == i && i == start && (i >= text.Length || text[i] != ' '))
        {
            return null;
        }
        if (!quotedKey && j > i && text.AsSpan(i, j - i).IndexOfAny(':', '=') >= 0 && layer == StatusLayer.Unknown && i == start)
        {
            layer = StatusLayer.Body; // status: 503 (JS print) or status=503
        }
        if (Number(text, j) is not { } code)
        {
            return null;
        }
        // fetch, axios and superagent print an HTTP response as `status: 400, statusText: 'Bad Request'`; Withings'
        // envelope has no statusText, so a status followed by one is the HTTP status of that response.
        return (code, layer == StatusLayer.Body && StatusTextFollows(text, j) ? StatusLayer.Http : layer);
    }

    private const int StatusTextReach = 48;

    private static bool StatusTextFollows(string text, int numberAt)
    {
        var from = Math.Min(text.Length, numberAt + 3);
        return text.AsSpan(from, Math.Min(StatusTextReach, text.Length - from)).Contains("statusText", StringComparison.Ordinal);
    }

    private static (int, StatusLayer)? StatusAfterHttpVersion(string text, int i, int keywordAt)
    {
        // HTTP/1.1 404 Not Found, or "POST /v2/oauth2 HTTP/1.1" 200 63
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }
        if (i < text.Length && text[i] == '"')
        {
            i++;
        }
        return Number(text, SkipSeparators(text, i)) is { } code and >= 100 and <= 599 ? (code, StatusLayer.Http) : null;
    }

    private static (int, StatusLayer)? NumberBefore(string text, int i, int keywordAt)
    {
        var end = keywordAt;
        var start = end;
        while (start > 0 && end - start < 3 && char.IsAsciiDigit(text[start - 1]))
        {
            start--;
        }
        return end - start == 3 && (start == 0 || !char.IsAsciiDigit(text[start - 1]))
            ? (int.Parse(text.AsSpan(start, 3)), StatusLayer.Http)
            : null;
    }

    private static int SkipSeparators(string text, int i)
    {
        var limit = Math.Min(text.Length, i + 8);
        while (i < limit && text[i] is ' ' or '"' or '\'' or ':' or '=' or '\\' or '\t' or '(')
        {
            i++;
        }
        return i;
    }

    private static int? Number(string text, int i)
    {
        var start = i;
        while (i < text.Length && i - start < 6 && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        if (i == start || i - start > 5 || (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
        {
            return null;
        }
        return int.Parse(text.AsSpan(start, i - start));
    }
}
