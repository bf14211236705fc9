namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>
/// Status codes written as bare numbers in logs and prose ("Withings answered 601", "error 2554", "returns 401").
/// Codes that no HTTP status shares (601, 2554, 293, 342…) count anywhere; codes shared with HTTP (401, 503) only
/// right after a word such as "returns" or "error". Numbers that are values (<c>"value": 601</c>, times,
/// decimals, ids in paths) are skipped. One pass over the digit runs.
/// </summary>
internal static class BareCodeScanner
{
    public static bool IsRegisteredHttpStatus(int code) => code is (>= 100 and <= 103) or (>= 200 and <= 208) or 226
        or (>= 300 and <= 308) or (>= 400 and <= 418) or (>= 421 and <= 426) or 428 or 429 or 431 or 451
        or (>= 500 and <= 508) or 510 or 511;

    private static readonly string[] StatusWords =
        ["return", "returns", "returned", "returning", "got", "get", "gets", "getting", "gives", "answer", "answers",
         "answered", "error", "errors", "code", "status", "with", "throws", "fails"];

    public static void Scan(ReadOnlySpan<char> text, IReadOnlySet<int> codes, IReadOnlySet<int> proseCodes, ExtractedSignals signals)
    {
        var pos = 0;
        while (pos < text.Length)
        {
            var at = text[pos..].IndexOfAnyInRange('0', '9');
            if (at < 0)
            {
                return;
            }
            var start = pos + at;
            var end = start;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }
            pos = end;
            var length = end - start;
            if (length is < 3 or > 4 || !StandsAlone(text, start, end))
            {
                continue;
            }
            var code = int.Parse(text[start..end]);
            var word = StatusWordBefore(text, start) ?? (BeforeInvalidParams(text, end) ? "status" : null);
            var counts = codes.Contains(code) || (proseCodes.Contains(code) && word is not null);
            if (counts && !signals.HasStatusCode(code))
            {
                // "error 503", "status 503": how clients print the body status (the HTTP answer was a 200).
                signals.AddStatus(code, word is "error" or "errors" or "status" or "code" ? StatusLayer.Body : StatusLayer.Unknown);
            }
        }
    }

    private static string? StatusWordBefore(ReadOnlySpan<char> text, int start)
    {
        var end = start - 1;
        while (end >= 0 && text[end] is ' ' or '(' or '"' or '\'')
        {
            end--;
        }
        var wordStart = end;
        while (wordStart >= 0 && char.IsAsciiLetter(text[wordStart]) && end - wordStart < 12)
        {
            wordStart--;
        }
        var word = text[(wordStart + 1)..(end + 1)];
        foreach (var candidate in StatusWords)
        {
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>"503 - Invalid Params: invalid code", "503 : Invalid Params": a client printing the body status and its error.</summary>
    private static bool BeforeInvalidParams(ReadOnlySpan<char> text, int end)
    {
        var i = end;
        while (i < text.Length && i - end < 4 && text[i] is ' ' or ':' or '-')
        {
            i++;
        }
        return i > end && text[i..].StartsWith("invalid params", StringComparison.OrdinalIgnoreCase);
    }

    private static bool StandsAlone(ReadOnlySpan<char> text, int start, int end)
    {
        if (start > 0 && (char.IsAsciiLetter(text[start - 1]) || text[start - 1] is '.' or ':' or ',' or '/' or '_' or '-' or '#' or '='))
        {
            return false;
        }
        if (end < text.Length && (char.IsAsciiLetter(text[end]) || text[end] is '/' or '_' or '-' or '%'
            || (text[end] is '.' or ':' or ',' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))))
        {
            return false;
        }
        // A number right after "key": or key= is a value, not a status (the status keyword has its own scanner).
        var before = start - 1;
        while (before >= 0 && text[before] == ' ')
        {
            before--;
        }
        return before < 0 || text[before] is not (':' or '=' or '[' or ',');
    }
}
