using System.Buffers;

namespace Withings.Portal.Content.Search;

/// <summary>
/// In-memory full-text index over the portal's content: BM25 ranking over weighted fields, typo tolerance
/// (<see cref="TypoCorrector"/>), prefix matching of the last word, and highlighted titles and snippets.
/// Purpose-built because the measured alternative (Lucene.Net fuzzy queries) missed the 1 ms target by ten times
/// (docs/PERFORMANCE.md). Immutable once built; safe to query from any thread.
/// </summary>
public sealed class SearchIndex
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;
    private const float TitleWeight = 4f, KeywordWeight = 3f, HeadingWeight = 2f, SummaryWeight = 2f, BodyWeight = 1f;
    private const float TypoPenaltyOneEdit = 0.7f, TypoPenaltyTwoEdits = 0.45f, PrefixPenalty = 0.8f;
    private const int MaxPrefixExpansions = 12;

    private readonly SearchDocument[] documents;
    private readonly Dictionary<string, Posting[]> postings;
    private readonly float[] lengthNorm;
    private readonly string[] sortedTerms;
    private readonly TypoCorrector typos;

    private SearchIndex(SearchDocument[] documents, Dictionary<string, Posting[]> postings, float[] lengthNorm)
    {
        this.documents = documents;
        this.postings = postings;
        this.lengthNorm = lengthNorm;
        sortedTerms = postings.Keys.Order(StringComparer.Ordinal).ToArray();
        typos = new TypoCorrector(sortedTerms);
    }

    public int Count => documents.Length;

    public static SearchIndex Build(IEnumerable<SearchDocument> source)
    {
        var documents = source.ToArray();
        var weighted = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var lengths = new float[documents.Length];
        var perDocument = new Dictionary<string, float>(StringComparer.Ordinal);
        var perDocumentLookup = perDocument.GetAlternateLookup<ReadOnlySpan<char>>();

        for (var id = 0; id < documents.Length; id++)
        {
            var document = documents[id];
            perDocument.Clear();
            var length = 0;
            void Add(string text, float weight) =>
                SearchText.ForEachTerm(text, (ReadOnlySpan<char> term, int _, int _) =>
                {
                    perDocumentLookup[term] = (perDocumentLookup.TryGetValue(term, out var tf) ? tf : 0) + weight;
                    length++;
                });

            Add(document.Title, TitleWeight);
            Add(document.Summary, SummaryWeight);
            Add(document.Body, BodyWeight);
            foreach (var keyword in document.Keywords)
            {
                Add(keyword, KeywordWeight);
            }
            foreach (var heading in document.Headings)
            {
                Add(heading, HeadingWeight);
            }

            lengths[id] = length;
            foreach (var (term, tf) in perDocument)
            {
                if (!weighted.TryGetValue(term, out var list))
                {
                    weighted[term] = list = [];
                }
                list.Add(new Posting(id, tf));
            }
        }

        var average = documents.Length == 0 ? 1 : Math.Max(1, lengths.Average());
        var norm = lengths.Select(l => K1 * (1 - B + B * l / average)).ToArray();
        return new SearchIndex(documents, weighted.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), norm);
    }

    public SearchResults Search(string query, int take = 10)
    {
        var words = SearchText.Terms(query);
        if (words.Count == 0)
        {
            words = SearchText.Terms(query, keepStopWords: true);
        }
        if (words.Count == 0 || documents.Length == 0)
        {
            return SearchResults.Empty(query);
        }
        words = words.Distinct(StringComparer.Ordinal).Take(16).ToList();

        var scores = ArrayPool<float>.Shared.Rent(documents.Length);
        var wordScores = ArrayPool<float>.Shared.Rent(documents.Length);
        var touched = ArrayPool<int>.Shared.Rent(documents.Length);
        var matched = ArrayPool<int>.Shared.Rent(documents.Length);
        Array.Clear(scores, 0, documents.Length);
        Array.Clear(wordScores, 0, documents.Length);
        Array.Clear(matched, 0, documents.Length);
        try
        {
            var corrections = new List<(string, string)>();
            var highlightTerms = new HashSet<string>(StringComparer.Ordinal);
            var lastWordIsPrefix = query.Length > 0 && char.IsLetterOrDigit(query[^1]);
            for (var w = 0; w < words.Count; w++)
            {
                var touchedCount = 0;
                // A completion says no more than the word typed when that is a word of its own: "com" completed to
                // the rare "command" must not weigh more than "com" itself.
                var maxIdf = postings.TryGetValue(words[w], out var typed) ? Idf(typed) : float.MaxValue;
                foreach (var (term, factor) in Expand(words[w], allowPrefix: lastWordIsPrefix && w == words.Count - 1, corrections))
                {
                    highlightTerms.Add(term);
                    ScoreTerm(term, factor, maxIdf, wordScores, touched, ref touchedCount);
                }
                AddWord(wordScores, touched.AsSpan(0, touchedCount), 1 << w, scores, matched);
            }

            var (hits, total) = TopHits(scores, matched, words.Count, take);
            return new SearchResults(query, hits.Select(h => Hit(h.Id, h.Score, highlightTerms)).ToList(), corrections, total);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<float>.Shared.Return(wordScores);
            ArrayPool<int>.Shared.Return(touched);
            ArrayPool<int>.Shared.Return(matched);
        }
    }

    private IEnumerable<(string Term, float Factor)> Expand(string word, bool allowPrefix, List<(string, string)> corrections)
    {
        var exact = postings.ContainsKey(word);
        if (exact)
        {
            yield return (word, 1f);
        }
        if (allowPrefix && word.Length >= 3)
        {
            foreach (var term in TermsStartingWith(word))
            {
                yield return (term, PrefixPenalty);
            }
        }
        if (exact)
        {
            yield break;
        }

        var best = typos.Corrections(word).OrderBy(c => c.Distance).ThenByDescending(c => postings[c.Term].Length).Take(4).ToList();
        if (best.Count > 0)
        {
            corrections.Add((word, best[0].Term));
        }
        foreach (var (term, distance) in best)
        {
            yield return (term, distance == 1 ? TypoPenaltyOneEdit : TypoPenaltyTwoEdits);
        }
    }

    private IEnumerable<string> TermsStartingWith(string prefix)
    {
        var at = Array.BinarySearch(sortedTerms, prefix, StringComparer.Ordinal);
        var index = at < 0 ? ~at : at + 1;
        for (var n = 0; index < sortedTerms.Length && n < MaxPrefixExpansions; index++, n++)
        {
            if (!sortedTerms[index].StartsWith(prefix, StringComparison.Ordinal))
            {
                yield break;
            }
            yield return sortedTerms[index];
        }
    }

    /// <summary>
    /// A page scores a query word by the best of the word's readings (itself, a completion, a correction), not their
    /// sum: otherwise a short last word such as "com" in "wbsapi.withings.com" counts once per completion a long page
    /// holds ("comma", "comment", "common"…) and outweighs the words the reader typed in full.
    /// </summary>
    private void ScoreTerm(string term, float factor, float maxIdf, float[] wordScores, int[] touched, ref int touchedCount)
    {
        var list = postings[term];
        var idf = MathF.Min(Idf(list), maxIdf);
        foreach (var (id, tf) in list)
        {
            if (wordScores[id] == 0)
            {
                touched[touchedCount++] = id;
            }
            wordScores[id] = MathF.Max(wordScores[id], factor * idf * tf * (K1 + 1) / (tf + lengthNorm[id]));
        }
    }

    private float Idf(Posting[] list) => MathF.Log(1 + (documents.Length - list.Length + 0.5f) / (list.Length + 0.5f));

    /// <summary>Adds the word's scores of the pages it touched, and leaves their per-word scores at zero for the next word.</summary>
    private static void AddWord(float[] wordScores, ReadOnlySpan<int> touched, int bit, float[] scores, int[] matched)
    {
        foreach (var id in touched)
        {
            scores[id] += wordScores[id];
            matched[id] |= bit;
            wordScores[id] = 0;
        }
    }

    private (List<(int Id, float Score)> Best, int Total) TopHits(float[] scores, int[] matched, int wordCount, int take)
    {
        var best = new PriorityQueue<int, float>(take + 1);
        var total = 0;
        for (var id = 0; id < documents.Length; id++)
        {
            if (scores[id] <= 0)
            {
                continue;
            }
            total++;
            // Pages that contain every word of the query come first: coverage squared scales the BM25 score.
            var coverage = (float)System.Numerics.BitOperations.PopCount((uint)matched[id]) / wordCount;
            var score = scores[id] * coverage * coverage;
            best.Enqueue(id, score);
            if (best.Count > take)
            {
                best.Dequeue();
            }
        }

        var result = new List<(int, float)>(best.Count);
        while (best.TryDequeue(out var id, out var score))
        {
            result.Add((id, score));
        }
        result.Reverse();
        return (result, total);
    }

    private SearchHit Hit(int id, float score, HashSet<string> queryTerms)
    {
        var document = documents[id];
        // Only the terms this document contains are worth looking for in its text.
        var terms = queryTerms.Where(term => Contains(postings[term], id)).ToHashSet(StringComparer.Ordinal);
        var snippetSource = Highlighter.BestWindow(document.Body, terms) is { Count: > 0 } body && body.Any(r => r.Match)
            ? body
            : Highlighter.Runs(document.Summary, terms);
        return new SearchHit(document, score, Highlighter.Runs(document.Title, terms), snippetSource);
    }

    /// <summary>Postings are in document order (built that way), so membership is a binary search.</summary>
    private static bool Contains(Posting[] list, int id)
    {
        int low = 0, high = list.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (list[mid].Id == id)
            {
                return true;
            }
            if (list[mid].Id < id)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return false;
    }

    private readonly record struct Posting(int Id, float Tf);
}
