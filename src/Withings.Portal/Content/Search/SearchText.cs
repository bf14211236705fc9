namespace Withings.Portal.Content.Search;

/// <summary>How text becomes search terms: lowercase letters and digits, a light English stemmer, no stop words.</summary>
public static class SearchText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "if", "in",
        "is", "it", "my", "of", "on", "or", "the", "this", "to", "we", "what", "when", "why", "with", "you", "your",
    };

    /// <summary>Receives a token's term (valid only during the call) and the token's position in the text.</summary>
    public delegate void TermHandler(ReadOnlySpan<char> term, int start, int length);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup =
        StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Calls <paramref name="onToken"/> with each token's term and its position in <paramref name="text"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, Action<string, int, int> onToken, bool keepStopWords = false) =>
        ForEachTerm(text, (term, start, length) => onToken(term.ToString(), start, length), keepStopWords);

    /// <summary>
    /// The allocation-free form: the term is a span over a scratch buffer, so hot paths (index build,
    /// highlighting) look terms up with an alternate lookup instead of creating a string per word.
    /// </summary>
    public static void ForEachTerm(ReadOnlySpan<char> text, TermHandler onToken, bool keepStopWords = false)
    {
        Span<char> buffer = stackalloc char[64];
        Span<char> stemmed = stackalloc char[64];
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar)
            {
                if (start < 0)
                {
                    start = i;
                }
                continue;
            }
            if (start < 0)
            {
                continue;
            }

            var length = i - start;
            if (length <= buffer.Length)
            {
                var lower = buffer[..length];
                text.Slice(start, length).ToLowerInvariant(lower);
                var term = Stem(lower, stemmed);
                if (keepStopWords || !StopWordLookup.Contains(term))
                {
                    onToken(term, start, length);
                }
            }
            start = -1;
        }
    }

    public static List<string> Terms(string text, bool keepStopWords = false)
    {
        var terms = new List<string>();
        Tokenize(text, (term, _, _) => terms.Add(term), keepStopWords);
        return terms;
    }

    /// <summary>Plural and a few verb endings, enough for "tokens" to find "token" and "expired" to find "expire".</summary>
    public static string Stem(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[word.Length + 1];
        return Stem(word, buffer).ToString();
    }

    private static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length > 4 && word.EndsWith("ies"))
        {
            word[..^3].CopyTo(buffer);
            buffer[word.Length - 3] = 'y';
            return buffer[..(word.Length - 2)];
        }
        if (word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i'))
        {
            return word[..^1];
        }
        if (word.Length > 5 && word.EndsWith("ed") && word[^3] != 'e')
        {
            word[..^1].CopyTo(buffer);
            buffer[word.Length - 2] = 'e';
            return buffer[..(word.Length - 1)];
        }
        return word;
    }
}
