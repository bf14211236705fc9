namespace Withings.Portal.Content.Search;

/// <summary>
/// Finds vocabulary terms within one or two edits of a misspelt query term ("refesh" → "refresh", "tokn" →
/// "token") with the symmetric-delete method: every term is stored under each string obtained by deleting up to
/// <c>d</c> characters; a query looks up its own deletes, then confirms candidates with the real edit distance.
/// Deletes are kept as hashes in one sorted array (collisions only cost a verification), so 10,000 articles
/// build in well under a second and a lookup allocates next to nothing.
/// </summary>
public sealed class TypoCorrector
{
    private readonly string[] terms;
    private readonly ulong[] entries; // (hash of a delete) << 32 | term index, sorted

    public TypoCorrector(string[] vocabulary)
    {
        terms = vocabulary;
        var list = new List<ulong>(vocabulary.Length * 12);
        for (var index = 0; index < vocabulary.Length; index++)
        {
            var term = vocabulary[index];
            var maxEdits = MaxEdits(term.Length);
            if (maxEdits == 0)
            {
                continue;
            }
            var termIndex = (uint)index;
            ForEachDelete(term, maxEdits, hash => list.Add(((ulong)hash << 32) | termIndex));
        }
        entries = list.ToArray();
        Array.Sort(entries);
    }

    /// <summary>Terms within the allowed distance, each with its edit distance; the word itself is not included.</summary>
    public List<(string Term, int Distance)> Corrections(string word)
    {
        var maxEdits = MaxEdits(word.Length);
        var found = new List<(string, int)>();
        if (maxEdits == 0)
        {
            return found;
        }

        var seen = new HashSet<uint>();
        ForEachDelete(word, maxEdits, hash =>
        {
            var key = (ulong)hash << 32;
            var at = LowerBound(key);
            for (var i = at; i < entries.Length && (entries[i] >> 32) == hash; i++)
            {
                var termIndex = (uint)entries[i];
                if (!seen.Add(termIndex))
                {
                    continue;
                }
                var candidate = terms[termIndex];
                var distance = EditDistance.Of(word, candidate, maxEdits);
                if (distance > 0 && distance <= maxEdits)
                {
                    found.Add((candidate, distance));
                }
            }
        });
        return found;
    }

    /// <summary>Short words are too easy to confuse: "code" must not match "mode".</summary>
    private static int MaxEdits(int length) => length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };

    private static void ForEachDelete(string word, int maxEdits, Action<uint> onHash)
    {
        onHash(Hash(word));
        Span<char> buffer = stackalloc char[word.Length];
        Span<char> twice = stackalloc char[Math.Max(0, word.Length - 2)];
        for (var i = 0; i < word.Length; i++)
        {
            word.AsSpan(0, i).CopyTo(buffer);
            word.AsSpan(i + 1).CopyTo(buffer[i..]);
            var once = buffer[..(word.Length - 1)];
            onHash(Hash(once));
            if (maxEdits < 2)
            {
                continue;
            }
            for (var j = i; j < once.Length; j++)
            {
                once[..j].CopyTo(twice);
                once[(j + 1)..].CopyTo(twice[j..]);
                onHash(Hash(twice));
            }
        }
    }

    private int LowerBound(ulong key)
    {
        int low = 0, high = entries.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (entries[mid] < key)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }

    private static uint Hash(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash;
    }
}
