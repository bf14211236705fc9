namespace Withings.Portal.Content.Search;

/// <summary>Splits text into runs marking the words whose search term matched, and picks the best snippet window.</summary>
public static class Highlighter
{
    private const int SnippetLength = 220;
    private const int MaxScannedCharacters = 30_000;

    public static List<TextRun> Runs(string text, HashSet<string> terms) => Runs(text, 0, text.Length, terms);

    /// <summary>The window of the text with the most matched words, trimmed to whole words, with ellipses.</summary>
    public static List<TextRun> BestWindow(string text, HashSet<string> terms)
    {
        var scanned = text.Length > MaxScannedCharacters ? text[..MaxScannedCharacters] : text;
        var hits = new List<int>();
        SearchText.Tokenize(scanned, (term, start, _) =>
        {
            if (terms.Contains(term))
            {
                hits.Add(start);
            }
        }, keepStopWords: true);

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

    private static List<TextRun> Runs(string text, int from, int to, HashSet<string> terms, bool ellipsisAfter = false)
    {
        var runs = new List<TextRun>();
        var cursor = from;
        var window = text.AsSpan(from, to - from);
        SearchText.Tokenize(window, (term, start, length) =>
        {
            if (!terms.Contains(term))
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
