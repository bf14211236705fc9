namespace Withings.Portal.Content.Search;

/// <summary>How text becomes search terms: lowercase letters and digits, a light English stemmer, no stop words.</summary>
public static class SearchText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "if", "in",
        "is", "it", "my", "of", "on", "or", "the", "this", "to", "we", "what", "when", "why", "with", "you", "your",
    };

    /// <summary>Calls <paramref name="onToken"/> with each token's term and its position in <paramref name="text"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, Action<string, int, int> onToken, bool keepStopWords = false)
    {
        Span<char> buffer = stackalloc char[64];
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
                var term = Stem(lower);
                if (keepStopWords || !StopWords.Contains(term))
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
        if (word.Length > 4 && word.EndsWith("ies"))
        {
            return string.Concat(word[..^3], "y");
        }
        if (word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i'))
        {
            return new string(word[..^1]);
        }
        if (word.Length > 5 && word.EndsWith("ed") && word[^3] != 'e')
        {
            return string.Concat(word[..^2], "e");
        }
        return new string(word);
    }
}
