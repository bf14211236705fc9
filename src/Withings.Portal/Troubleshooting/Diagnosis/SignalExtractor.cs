using Withings.Client;
using Withings.Portal.Troubleshooting.Checks;
using Withings.Portal.Troubleshooting.Requests;
using Withings.Portal.Troubleshooting.Signals;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>
/// Reads pasted text of any kind (JSON bodies, dict reprs, console prints, client logs, tracebacks, curl, raw HTTP,
/// URLs, browser console lines, prose) into <see cref="ExtractedSignals"/>. Every step is a bounded scan: vectorized
/// searches, fixed look-aheads, capped counts; no backtracking regular expression touches the text.
/// </summary>
public sealed class SignalExtractor
{
    private readonly PhraseIndex index;
    private readonly HashSet<string> withingsWordings;
    private readonly HashSet<int> distinctiveCodes;
    private readonly HashSet<int> proseCodes;

    public SignalExtractor(TopicCatalog catalog)
    {
        var topicPhrases = catalog.Topics.SelectMany(t => t.Meta.Signals.Phrases).ToList();
        withingsWordings = topicPhrases.Where(p => p.Withings).Select(p => p.Text.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        distinctiveCodes = catalog.Topics
            .SelectMany(t => t.Meta.Signals.Statuses)
            .Where(s => s.Layer == "body" && !BareCodeScanner.IsRegisteredHttpStatus(s.Code) && s.Code >= 100)
            .Select(s => s.Code)
            .ToHashSet();
        proseCodes = catalog.Topics
            .SelectMany(t => t.Meta.Signals.Statuses)
            .Where(s => s.Layer == "body" && BareCodeScanner.IsRegisteredHttpStatus(s.Code) && s.Code >= 200)
            .Select(s => s.Code)
            .ToHashSet();
        index = new PhraseIndex(topicPhrases.Select(p => p.Text).Concat(WithingsMarkers.Markers).Concat(WithingsMarkers.OtherVendors));
    }

    public ExtractedSignals Extract(string text)
    {
        // Logged JSON often escapes slashes ("client id\/secret", "https:\/\/wbsapi…"); read it as the API wrote it.
        if (text.Contains("\\/", StringComparison.Ordinal))
        {
            text = text.Replace("\\/", "/", StringComparison.Ordinal);
        }
        var signals = new ExtractedSignals();
        // Wrapped prose breaks a wording over two lines ("the token is\nexpired"), aligned text doubles spaces; phrases
        // are read in a copy where such runs are one space, their positions mapped back to the text.
        var shifts = new List<(int At, int Removed)>();
        var folded = FoldWhitespace(text, shifts);
        foreach (var (phrase, position) in index.FindIn(folded))
        {
            signals.Phrases.Add(phrase, OriginalPosition(shifts, position));
        }
        // Other APIs named in the text: the gate reads them, and so does LogSteps (their log lines name no Withings step).
        signals.OtherVendors.AddRange(WithingsMarkers.OtherVendors.Where(v => signals.Phrases.ContainsKey(v) && NamedAsWord(text, v)));
        StatusScanner.Scan(text, signals);
        BareCodeScanner.Scan(text, distinctiveCodes, proseCodes, signals);
        ReadRequests(text, signals);
        TextCues.Read(text, signals);
        LogSteps.Read(text, signals);
        ReadCodeAge(text, signals);
        OtherHostScanner.Scan(text, signals);
        OtherIntegrationScanner.Scan(text, signals);
        Classify(text, signals);
        Prefill(signals);
        return signals;
    }

    /// <summary>
    /// The text with each run of spaces and tabs, and each line break inside wrapped prose, as one space (the text
    /// itself when it has none); each shortened run is recorded as (position in the copy right after it, characters
    /// removed so far). Vectorized jumps from one line break or double space to the next, one pooled buffer; pastes
    /// over <see cref="MaxFoldedChars"/> are read as they are.
    /// </summary>
    internal const int MaxFoldedChars = 64 * 1024;

    internal static string FoldWhitespace(string text, List<(int At, int Removed)> shifts)
    {
        var span = text.AsSpan();
        // Wrapped prose is a short paste; a long one is a log, whose records are not joined anyway: no copy of it.
        if (text.Length > MaxFoldedChars || span.IndexOfAny('\n', '\r', '\t') < 0 && !span.Contains("  ", StringComparison.Ordinal))
        {
            return text;
        }
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length);
        var length = 0;
        var removed = 0;
        var pos = 0;
        int nextBreak = -1, nextDouble = -1;
        while (pos < text.Length)
        {
            // Jump (vectorized) to the next line break, tab or double space; what lies before it is copied as is.
            if (nextBreak != int.MaxValue && nextBreak < pos)
            {
                var at = span[pos..].IndexOfAny('\n', '\r', '\t');
                nextBreak = at < 0 ? int.MaxValue : pos + at;
            }
            if (nextDouble != int.MaxValue && nextDouble < pos)
            {
                var at = span[pos..].IndexOf("  ", StringComparison.Ordinal);
                nextDouble = at < 0 ? int.MaxValue : pos + at;
            }
            var special = Math.Min(Math.Min(nextBreak, nextDouble), text.Length);
            var start = special;
            while (start > pos && text[start - 1] is ' ' or '\t')
            {
                start--;
            }
            span[pos..start].CopyTo(buffer.AsSpan(length));
            length += start - pos;
            if (special == text.Length)
            {
                break;
            }
            var end = start;
            var breaks = text[start] == '\n' ? 1 : 0;
            while (end + 1 < text.Length && text[end + 1] is ' ' or '\n' or '\r' or '\t')
            {
                end++;
                breaks += text[end] == '\n' ? 1 : 0;
            }
            pos = end + 1;
            // A line break joins two lines only inside wrapped prose: one break, the next line going on in lowercase
            // right at its start. A log's next record (a timestamp, an indented frame, a capitalised level) stays apart.
            if (breaks > 1 || breaks == 1 && (text[end] != '\n' || end + 1 >= text.Length || !char.IsAsciiLetterLower(text[end + 1])))
            {
                span[start..pos].CopyTo(buffer.AsSpan(length));
                length += pos - start;
                continue;
            }
            buffer[length++] = ' ';
            if (end > start)
            {
                removed += end - start;
                shifts.Add((length, removed));
            }
        }
        var folded = new string(buffer, 0, length);
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        return folded;
    }

    /// <summary>Where a position of <see cref="FoldWhitespace"/>'s copy lies in the original text.</summary>
    internal static int OriginalPosition(List<(int At, int Removed)> shifts, int position)
    {
        int low = 0, high = shifts.Count - 1, removed = 0;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (shifts[middle].At <= position)
            {
                removed = shifts[middle].Removed;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return position + removed;
    }

    private static void ReadRequests(string text, ExtractedSignals signals)
    {
        foreach (var request in RequestParser.Parse(text))
        {
            var endpoint = request.Target;
            if (!endpoint.IsWithings)
            {
                continue;
            }
            var atWithings = endpoint.Host is not (WithingsHost.Unknown or WithingsHost.NotWithings);
            if (atWithings)
            {
                AddMarker(signals, $"a request to `{request.Host}`");
            }
            if (endpoint.Kind is { } kind)
            {
                signals.AddEndpoint(kind);
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                RequestPrefill.AddTo(values, request);
                foreach (var key in (string[])["host", "method", "params"])
                {
                    if (values.TryGetValue(key, out var value))
                    {
                        signals.Prefill.TryAdd(key, value);
                    }
                }
            }
            foreach (var issue in RequestRules.Check(request))
            {
                signals.AddFact(issue.Fact, issue.Message);
                if (atWithings || endpoint.Host == WithingsHost.Sandbox)
                {
                    signals.WithingsRequestFacts.Add(issue.Fact);
                }
            }
        }
    }

    private static void ReadCodeAge(string text, ExtractedSignals signals)
    {
        if (CodeAgeCheck.FromLog(text) is not { Outcome: not CodeAgeOutcome.Invalid } verdict)
        {
            return;
        }
        var seconds = verdict.Seconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        signals.Prefill["age"] = Math.Round(verdict.Seconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        signals.AddFact(verdict.Outcome == CodeAgeOutcome.Expired ? SignalFacts.CodeAgeOver30s : SignalFacts.CodeAgeWithin30s,
            verdict.Outcome == CodeAgeOutcome.Expired
                ? $"the code was exchanged {seconds} s after the redirect (codes live 30 s)"
                : $"the code was exchanged {seconds} s after the redirect, within its 30 s");
    }

    private void Classify(string text, ExtractedSignals signals)
    {
        foreach (var marker in WithingsMarkers.Markers.Where(signals.Phrases.ContainsKey))
        {
            AddMarker(signals, $"mentions “{marker}”");
        }
        foreach (var wording in signals.Phrases.Keys.Where(withingsWordings.Contains))
        {
            AddMarker(signals, $"Withings wording “{wording}”");
        }
        // {"status":503,"body":{}…}, or {'status': 601, 'error': '…'} with a status no HTTP answer has: Withings' answer shape.
        var bodyKey = text.Contains("\"body\"", StringComparison.Ordinal) || text.Contains("'body'", StringComparison.Ordinal)
            || text.Contains("body:", StringComparison.Ordinal);
        var errorKey = text.Contains("\"error\"", StringComparison.Ordinal) || text.Contains("'error'", StringComparison.Ordinal)
            || text.Contains("error:", StringComparison.Ordinal);
        var envelope = signals.Statuses.Exists(s => s.Layer == StatusLayer.Body
            && (bodyKey && s.Code != 200 || errorKey && IsWithingsOnlyCode(s.Code)));
        if (envelope)
        {
            AddMarker(signals, "Withings response envelope (a `status` number with `body` or `error`)");
        }
        // A Withings tool's own lines count as Withings evidence in a text that names another service too, unless the
        // text ends in that service's failure: withings-sync's "no weight data" line before a Garmin login traceback is
        // not what went wrong.
        signals.FailsElsewhere = signals.OtherVendors.Count > 0 && LastFailureNamesAny(text, signals.OtherVendors);
        if (signals.OtherVendors.Count > 0 && !signals.FailsElsewhere)
        {
            MarkPhrasesOnWithingsLines(text, signals);
        }
        foreach (var status in signals.Statuses)
        {
            // Codes a topic names (293, 601…) have their own meaning; the family speaks only for the others (246, 247…).
            if (status.Layer != StatusLayer.Unknown && IsWithingsOnlyCode(status.Code) && !distinctiveCodes.Contains(status.Code)
                && WithingsStatusCodes.FamilyOf(status.Code) == WithingsStatusCodes.InvalidParams)
            {
                signals.AddFact(SignalFacts.StatusInvalidParamsFamily, $"status {status.Code} is in Withings' “Invalid params” family");
                break;
            }
        }
        if (signals.Statuses.Any(s => s is { Code: 0, Layer: StatusLayer.Body }))
        {
            signals.AddFact(SignalFacts.SuccessStatus, "the answer has `status: 0` (success)");
        }
    }

    /// <summary>An official Withings status that no HTTP answer uses (not 5xx either: proxies invent 52x codes).</summary>
    private static bool IsWithingsOnlyCode(int code) =>
        code >= 100 && WithingsStatusCodes.IsOfficial(code) && !BareCodeScanner.IsRegisteredHttpStatus(code) && code is not (>= 500 and <= 599);

    private static void MarkPhrasesOnWithingsLines(string text, ExtractedSignals signals)
    {
        foreach (var (phrase, position) in signals.Phrases)
        {
            var start = text.LastIndexOf('\n', position) + 1;
            var end = text.IndexOf('\n', position);
            var line = text.AsSpan(start, (end < 0 ? text.Length : end) - start);
            if (NamesAny(line, signals.OtherVendors))
            {
                continue; // "withings-sync: uploading to Garmin failed: 401" is about Garmin
            }
            foreach (var marker in WithingsMarkers.Markers)
            {
                if (line.Contains(marker, StringComparison.OrdinalIgnoreCase))
                {
                    signals.PhrasesOnWithingsLines.Add(phrase);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Whether a name occurs as a word of its own, not inside another ("oura" in hooks.ourapp.com, "okta" in "doktar"):
    /// no letter before it, and after a short name (five letters or fewer) no letter either; a longer name may run on
    /// ("garminconnect"). A few occurrences are checked.
    /// </summary>
    private static bool NamedAsWord(string text, string name)
    {
        var from = 0;
        for (var n = 0; n < 16; n++)
        {
            var at = text.IndexOf(name, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }
            from = at + 1;
            var end = at + name.Length;
            if ((at == 0 || !char.IsAsciiLetter(text[at - 1]))
                && (name.Length > 5 || end >= text.Length || !char.IsAsciiLetter(text[end])))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Words that make a line a failure: error lines, exceptions, and the frames of a traceback.</summary>
    private static readonly string[] FailureWords = ["error", "exception", "fail", "denied", "unauthorized", "File \""];

    /// <summary>
    /// Whether the text's last failure line (the last line with an error word, or a traceback's deepest frame) names
    /// one of <paramref name="vendors"/>. Each word is searched once from the end.
    /// </summary>
    private static bool LastFailureNamesAny(string text, List<string> vendors)
    {
        var last = -1;
        foreach (var word in FailureWords)
        {
            last = Math.Max(last, text.LastIndexOf(word, StringComparison.OrdinalIgnoreCase));
        }
        if (last < 0)
        {
            return false;
        }
        var start = text.LastIndexOf('\n', last) + 1;
        var end = text.IndexOf('\n', last);
        return NamesAny(text.AsSpan(start, (end < 0 ? text.Length : end) - start), vendors);
    }

    private static bool NamesAny(ReadOnlySpan<char> line, List<string> words)
    {
        foreach (var word in words)
        {
            if (line.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static void Prefill(ExtractedSignals signals)
    {
        var status = signals.Statuses.FirstOrDefault(s => s.Layer == StatusLayer.Body && s.Code != 0);
        if (status == default)
        {
            status = signals.Statuses.FirstOrDefault(s => s.Code is not (0 or 200));
        }
        if (status != default)
        {
            signals.Prefill.TryAdd("status", status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (signals.Endpoints.Count > 0)
        {
            signals.Prefill.TryAdd("endpoint", signals.Endpoints[0]);
        }
    }

    private static void AddMarker(ExtractedSignals signals, string marker)
    {
        if (!signals.WithingsMarkers.Contains(marker))
        {
            signals.WithingsMarkers.Add(marker);
        }
    }
}
