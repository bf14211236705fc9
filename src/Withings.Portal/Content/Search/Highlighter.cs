namespace Withings.Portal.Content.Search;

/// <summary>Splits text into runs marking the words whose search term matched, and picks the best snippet window.</summary>
public static class Highlighter
{
    private const int SnippetLength = 220;
    private const int MaxScannedCharacters = 10_000;
    private const int MaxHits = 200;

    public static List<TextRun> Runs(string text, HashSet<string> terms) => Runs(text, 0, text.Length, terms);

    /// <summary>The window of the text with the most matched words, trimmed to whole words, with ellipses.</summary>
    public static List<TextRun> BestWindow(string text, HashSet<string> terms)
    {
        var scanned = text.Length > MaxScannedCharacters ? text[..MaxScannedCharacters] : text;
        var hits = FindWordStarts(scanned, terms);

        if (hits.Count == 0)
        {
            return Runs(scanned, 0, Math.Min(scanned.Length, SnippetLength), terms, ellipsisAfter: scanned.Length > SnippetLength);
        }

        int bestStart = hits[0], bestCount = 0;
        for (int left = 0, right = 0; left < hits.Count; left++)
        {
            while (right < hits.Count && hits[right] - hits[left] < SnippetLength - 40)
            {
                right++;
            }
            if (right - left > bestCount)
            {
                bestCount = right - left;
                bestStart = hits[left];
            }
        }

        var start = Math.Max(0, bestStart - 40);
        while (start > 0 && !char.IsWhiteSpace(scanned[start - 1]))
        {
            start--;
        }
        var end = Math.Min(scanned.Length, start + SnippetLength);
        while (end < scanned.Length && !char.IsWhiteSpace(scanned[end]))
        {
            end++;
        }
        var runs = Runs(scanned, start, end, terms, ellipsisAfter: end < text.Length);
        if (start > 0)
        {
            runs.Insert(0, new TextRun("… ", false));
        }
        return runs;
    }

    /// <summary>
    /// Where words matching the terms start. Scanning with the vectorized <c>IndexOf</c> per term instead of
    /// tokenizing the whole body keeps a search with highlighted snippets well under a millisecond.
    /// </summary>
    private static List<int> FindWordStarts(string text, HashSet<string> terms)
    {
        var starts = new List<int>();
        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var term in terms)
        {
            for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0 && starts.Count < MaxHits;
                 at = text.IndexOf(term, at + term.Length, StringComparison.OrdinalIgnoreCase))
            {
                if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
                {
                    continue;
                }
                var end = at + term.Length;
                while (end < text.Length && char.IsLetterOrDigit(text[end]))
                {
                    end++;
                }
                var matches = false;
                SearchText.ForEachTerm(text.AsSpan(at, end - at), (ReadOnlySpan<char> word, int _, int _) => matches |= lookup.Contains(word), keepStopWords: true);
                if (matches)
                {
                    starts.Add(at);
                }
            }
        }
        starts.Sort();
        return starts;
    }

    private static List<TextRun> Runs(string text, int from, int to, HashSet<string> terms, bool ellipsisAfter = false)
    {
        var runs = new List<TextRun>();
        var cursor = from;
        var window = text.AsSpan(from, to - from);
        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        SearchText.ForEachTerm(window, (ReadOnlySpan<char> term, int start, int length) =>
        {
            if (!lookup.Contains(term))
            {
                return;
            }
            var absolute = from + start;
            if (absolute > cursor)
            {
                runs.Add(new TextRun(Flatten(text[cursor..absolute]), false));
            }
            runs.Add(new TextRun(text.Substring(absolute, length), true));
            cursor = absolute + length;
        }, keepStopWords: true);
        if (cursor < to)
        {
            runs.Add(new TextRun(Flatten(text[cursor..to]), false));
        }
        if (ellipsisAfter)
        {
            runs.Add(new TextRun(" …", false));
        }
        return runs;
    }

    private static string Flatten(string text) => text.Replace('\n', ' ');
}
