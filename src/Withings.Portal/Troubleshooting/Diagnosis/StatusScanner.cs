namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>
/// Status codes in any shape clients print them: <c>"status":503</c>, <c>'status': 503</c>, <c>status: 503</c>,
/// <c>status=601</c>, "status 293" (prose), HTTP status lines, urllib3's <c>"POST /v2/oauth2 HTTP/1.1" 200 63</c>,
/// requests' <c>404 Client Error</c>, axios' "Request failed with status code 503", HttpClient's
/// "does not indicate success: 404". Each occurrence is read with a bounded look-ahead.
/// </summary>
internal static class StatusScanner
{
    public static void Scan(string text, ExtractedSignals signals)
    {
        ScanKeyword(text, "status", signals, StatusAfterKeyword);
        ScanKeyword(text, "HTTP/1.", signals, StatusAfterHttpVersion);
        ScanKeyword(text, "HTTP/2", signals, StatusAfterHttpVersion);
        // Withings answers HTTP 200 with the error in the body, so a client's "Received error code: 503" is the body status.
        ScanKeyword(text, "error code", signals, (t, i, s) => Number(t, SkipSeparators(t, i)) is { } n ? (n, StatusLayer.Body) : null);
        ScanKeyword(text, " Client Error", signals, NumberBefore);
        ScanKeyword(text, " Server Error", signals, NumberBefore);
        ScanKeyword(text, "does not indicate success:", signals, (t, i, s) => Number(t, SkipSeparators(t, i)) is { } n ? (n, StatusLayer.Http) : null);
        ScanKeyword(text, "HTTP ", signals, StatusAfterHttpWord);
        foreach (var (reason, code) in ReasonPhrases)
        {
            ScanKeyword(text, reason, signals, (t, i, at) => NumberBefore(t, i, at) is { } found && found.Item1 == code ? found : null);
        }
    }

    /// <summary>An HTTP status with its reason phrase ("401 Unauthorized", "404 Not Found"), as every HTTP stack prints it.</summary>
    private static readonly (string Reason, int Code)[] ReasonPhrases =
    [
        (" Bad Request", 400), (" Unauthorized", 401), (" Forbidden", 403), (" Not Found", 404), (" Too Many Requests", 429),
        (" Internal Server Error", 500), (" Bad Gateway", 502), (" Service Unavailable", 503), (" Gateway Time", 504),
    ];

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

    private static void ScanKeyword(string text, string keyword, ExtractedSignals signals, Reader read)
    {
        var from = 0;
        for (var n = 0; n < DiagnosisLimits.MaxStatusMentions; n++)
        {
            var at = text.IndexOf(keyword, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return;
            }
            from = at + keyword.Length;
            if (read(text, from, at) is { } status && status.Code is >= 0 and < 100_000)
            {
                signals.AddStatus(status.Code, status.Layer);
            }
        }
    }

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
        return Number(text, j) is { } code ? (code, layer) : null;
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
