using System.Buffers;

namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>
/// Finds which of many phrases occur in a text, case-insensitively, in one vectorized multi-string scan
/// (<see cref="SearchValues{T}"/> of strings). When a long text repeats the same phrases, the scan narrows itself to
/// the phrases not found yet, so the work stays linear in the text.
/// </summary>
public sealed class PhraseIndex
{
    private readonly string[] phrases;
    private readonly SearchValues<string> searcher;
    private readonly Dictionary<char, string[]> byFirst;

    public PhraseIndex(IEnumerable<string> phrases)
    {
        this.phrases = phrases
            .Select(p => p.Trim().ToLowerInvariant())
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        searcher = SearchValues.Create(this.phrases, StringComparison.OrdinalIgnoreCase);
        byFirst = Bucket(this.phrases);
    }

    public int Count => phrases.Length;

    /// <summary>The lowercased phrases present in <paramref name="text"/>, each with the position of its first occurrence.</summary>
    public Dictionary<string, int> FindIn(ReadOnlySpan<char> text)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var remaining = phrases;
        var searcher = this.searcher;
        var byFirst = this.byFirst;
        var pos = 0;
        var hitsSinceBuild = 0;
        while (remaining.Length > 0 && pos < text.Length)
        {
            var at = text[pos..].IndexOfAny(searcher);
            if (at < 0)
            {
                break;
            }
            pos += at;
            if (byFirst.TryGetValue(char.ToLowerInvariant(text[pos]), out var candidates))
            {
                foreach (var phrase in candidates)
                {
                    if (text[pos..].StartsWith(phrase, StringComparison.OrdinalIgnoreCase))
                    {
                        found.TryAdd(phrase, pos);
                    }
                }
            }
            pos++;
            if (++hitsSinceBuild >= DiagnosisLimits.PhraseHitsPerRebuild)
            {
                hitsSinceBuild = 0;
                var left = remaining.Where(p => !found.ContainsKey(p)).ToArray();
                if (left.Length < remaining.Length)
                {
                    remaining = left;
                    searcher = SearchValues.Create(remaining, StringComparison.OrdinalIgnoreCase);
                    byFirst = Bucket(remaining);
                }
            }
        }
        return found;
    }

    private static Dictionary<char, string[]> Bucket(string[] phrases) => phrases
        .GroupBy(p => p[0])
        .ToDictionary(g => g.Key, g => g.ToArray());
}
