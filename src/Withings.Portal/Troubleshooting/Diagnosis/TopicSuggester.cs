using Withings.Portal.Content.Search;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>
/// When no rule matches a text that looks like Withings: the topics whose own words are closest, from the portal's
/// content search (<see cref="SearchIndex"/>) over the topic pages. The query is the text's rarest words that topics
/// use at all, so a long log does not drown its few telling words.
/// </summary>
internal sealed class TopicSuggester
{
    /// <summary>Characters of the paste read for words (the telling words of a log are near its error).</summary>
    private const int MaxCharsRead = 16 * 1024;

    private const int MaxQueryWords = 12;

    private const int MaxSuggestions = 3;

    /// <summary>Suggestions score below <see cref="DiagnosisLimits.MinScore"/>: weaker than any rule-based diagnosis.</summary>
    private const double TopSuggestionScore = 0.25;

    /// <summary>A topic must share at least this many distinct query words with the text to be suggested.</summary>
    private const int MinSharedWords = 2;

    private readonly SearchIndex index;
    private readonly Dictionary<string, Topic> byRoute;
    private readonly Dictionary<string, HashSet<string>> wordsByRoute;
    private readonly Dictionary<string, int> topicsUsing;

    public TopicSuggester(TopicCatalog catalog)
    {
        var documents = catalog.Topics.Select(ToDocument).ToList();
        index = SearchIndex.Build(documents);
        byRoute = catalog.Topics.ToDictionary(t => t.Url, StringComparer.Ordinal);
        wordsByRoute = documents.ToDictionary(d => d.Route, d => Words(d), StringComparer.Ordinal);
        topicsUsing = wordsByRoute.Values.SelectMany(w => w).GroupBy(w => w, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    public IReadOnlyList<Diagnosis> Suggest(string text)
    {
        var query = QueryWords(text);
        if (query.Count < MinSharedWords)
        {
            return [];
        }
        var results = index.Search(string.Join(' ', query.Select(q => q.Word)) + " ", MaxSuggestions * 2);
        var suggestions = new List<Diagnosis>();
        var best = results.Hits.Count > 0 ? results.Hits[0].Score : 0;
        foreach (var hit in results.Hits)
        {
            var words = wordsByRoute[hit.Document.Route];
            var shared = query.Where(q => words.Contains(q.Term)).Select(q => q.Word.ToLowerInvariant()).Distinct().ToList();
            if (shared.Count < MinSharedWords || !byRoute.TryGetValue(hit.Document.Route, out var topic))
            {
                continue;
            }
            var score = Math.Round(TopSuggestionScore * hit.Score / best, 3);
            var sentence = $"no rule matched; the topic uses the same words: {string.Join(", ", shared.Take(6).Select(w => $"“{w}”"))}";
            suggestions.Add(new Diagnosis(topic.Id, score, topic.Title, topic.Url, [sentence], FromSearch: true, topic.Meta.SeenElsewhere));
            if (suggestions.Count == MaxSuggestions)
            {
                break;
            }
        }
        return suggestions;
    }

    /// <summary>The text's words that some (but not every) topic uses, rarest first, as typed.</summary>
    private List<(string Word, string Term)> QueryWords(string text)
    {
        var span = text.AsSpan(0, Math.Min(text.Length, MaxCharsRead));
        var seen = new Dictionary<string, (string Word, int Order)>(StringComparer.Ordinal);
        var source = span.ToString();
        SearchText.Tokenize(source, (term, start, length) =>
        {
            if (term.Length >= 3 && !char.IsAsciiDigit(term[0]) && topicsUsing.TryGetValue(term, out var count)
                && count < byRoute.Count / 2 && !seen.ContainsKey(term))
            {
                seen[term] = (source.Substring(start, length), seen.Count);
            }
        });
        return seen
            .OrderBy(p => topicsUsing[p.Key])
            .ThenBy(p => p.Value.Order)
            .Take(MaxQueryWords)
            .Select(p => (p.Value.Word, p.Key))
            .ToList();
    }

    private static HashSet<string> Words(SearchDocument document)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in document.Keywords.Concat(document.Headings).Append(document.Title).Append(document.Summary).Append(document.Body))
        {
            SearchText.Tokenize(field, (term, _, _) => words.Add(term));
        }
        return words;
    }

    private static SearchDocument ToDocument(Topic topic) => new(
        topic.Url,
        topic.Title,
        "Troubleshooter",
        topic.Meta.Summary,
        topic.Body,
        [.. topic.Meta.Errors, .. topic.Meta.Tags, .. topic.Meta.Signals.Phrases.Where(p => p.Weight > 0).Select(p => p.Text)],
        [.. topic.Steps.Select(s => s.Title), .. topic.Steps.Select(s => s.Question ?? ""), .. topic.Meta.Causes.Select(c => c.Text)]);
}
