using Withings.Portal.Content.Search;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>
/// When no rule matches a text that looks like Withings: the topics whose own words are closest. Each topic is a bag of
/// its words, weighted by where the topic uses them (its title, error wordings and signal phrases count more than its
/// body); a word scores by that weight times its rarity among topics, squared, so that "nonce" or "callback" decide and
/// "error" hardly counts.
/// </summary>
/// <remarks>
/// The portal's content search (BM25 over the pages, made for a few typed words) used to do this. On the labelled texts
/// that are not held back, this scorer puts the right topic first for 84 of 131 real reports where the search managed
/// 67, and for 197 of 238 self-written texts where it managed 169 (docs/PERFORMANCE.md, "Search fallback").
/// </remarks>
internal sealed class TopicSuggester
{
    /// <summary>Characters of the paste read for words (the telling words of a log are near its error).</summary>
    private const int MaxCharsRead = 16 * 1024;

    private const int MaxSuggestions = 3;

    /// <summary>Suggestions score below <see cref="DiagnosisLimits.MinScore"/>: weaker than any rule-based diagnosis.</summary>
    private const double TopSuggestionScore = 0.25;

    /// <summary>
    /// A topic must share at least this many distinct telling words (used by fewer than half the topics) with the text:
    /// "Withings", "app" and "request" alone say nothing about which problem it is.
    /// </summary>
    private const int MinSharedWords = 2;

    /// <summary>
    /// How much a topic's many words count against it: 0 would favour the longest topics, 0.5 (cosine) the shortest.
    /// </summary>
    private const double LengthNormPower = 1.0 / 3;

    private const double TitleWeight = 3, WordingWeight = 3, SummaryWeight = 2, CauseWeight = 2, StepWeight = 1.5, BodyWeight = 1;

    /// <summary>
    /// Words that say nothing about a problem to a reader, though the tokenizer keeps them (it has only a short stop
    /// list). They still count in the score (leaving them out measured worse: 110 instead of 113 of 131 tuning reports in
    /// the top 3), but the sentence that says why a topic is suggested does not name them.
    /// </summary>
    private static readonly HashSet<string> FunctionWords = new[]
    {
        "has", "have", "had", "been", "was", "were", "during", "any", "that", "there", "these", "those", "but", "also",
        "into", "about", "than", "then", "them", "they", "our", "its", "all", "some", "just", "each", "which", "who",
        "will", "would", "could", "should", "may", "might", "did", "done", "here", "very", "much", "many", "more",
        // pieces of any address: a pasted URL shares them with every topic that quotes one
        "com", "net", "org", "www", "http", "https",
    }.Select(w => SearchText.Stem(w)).ToHashSet(StringComparer.Ordinal);

    private readonly List<TopicWords> topics;

    /// <summary>Rarity of each word among topics, squared: ln(1 + topics / topics using it)².</summary>
    private readonly Dictionary<string, double> raritySquared;

    /// <summary>The rarity (squared) above which a word is telling: that of a word used by half the topics.</summary>
    private readonly double tellingRarity;

    public TopicSuggester(TopicCatalog catalog)
    {
        var weights = catalog.Topics.Select(t => (Topic: t, Words: WordWeights(t))).ToList();
        raritySquared = weights.SelectMany(w => w.Words.Keys)
            .GroupBy(word => word, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Math.Pow(Math.Log(1 + (double)weights.Count / g.Count()), 2), StringComparer.Ordinal);
        tellingRarity = Math.Pow(Math.Log(1 + 2.0), 2);
        topics = weights.Select(w => new TopicWords(w.Topic, w.Words,
            Math.Pow(w.Words.Sum(p => p.Value * p.Value * raritySquared[p.Key]), LengthNormPower))).ToList();
    }

    public IReadOnlyList<Diagnosis> Suggest(string text)
    {
        var words = TextWords(text);
        if (words.Keys.Count(IsTelling) < MinSharedWords)
        {
            return [];
        }
        var ranked = new List<(TopicWords Topic, double Score, List<string> Shared)>();
        foreach (var topic in topics)
        {
            var shared = words.Keys.Where(topic.Weights.ContainsKey).ToList();
            if (shared.Count(IsTelling) < MinSharedWords)
            {
                continue;
            }
            var score = shared.Sum(w => topic.Weights[w] * raritySquared[w]) / topic.Norm;
            ranked.Add((topic, score, shared));
        }
        if (ranked.Count == 0)
        {
            return [];
        }
        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        var best = ranked[0].Score;
        return ranked.Take(MaxSuggestions).Select(r =>
        {
            var telling = r.Shared.Where(IsTelling).OrderByDescending(w => r.Topic.Weights[w] * raritySquared[w]).ToList();
            var named = telling.Where(w => !FunctionWords.Contains(w)).ToList() is { Count: > 0 } meaningful ? meaningful : telling;
            var sentence = $"no rule matched; the topic uses the same words: {string.Join(", ", named.Take(6).Select(w => $"“{words[w]}”"))}";
            var topic = r.Topic.Topic;
            return new Diagnosis(topic.Id, Math.Round(TopSuggestionScore * r.Score / best, 3), topic.Title, topic.Url, [sentence],
                FromSearch: true, topic.Meta.SeenElsewhere);
        }).ToList();
    }

    private bool IsTelling(string word) => raritySquared[word] > tellingRarity;

    /// <summary>The text's distinct words that some topic uses, each with its first spelling as typed.</summary>
    private Dictionary<string, string> TextWords(string text)
    {
        var read = text.Length > MaxCharsRead ? text[..MaxCharsRead] : text;
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        SearchText.Tokenize(read, (term, start, length) =>
        {
            if (raritySquared.ContainsKey(term))
            {
                words.TryAdd(term, read.Substring(start, length).ToLowerInvariant());
            }
        });
        return words;
    }

    /// <summary>Each word of a topic with the weight of the most telling place the topic uses it.</summary>
    private static Dictionary<string, double> WordWeights(Topic topic)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(string? text, double weight)
        {
            if (string.IsNullOrEmpty(text))
            {
                return;
            }
            SearchText.Tokenize(text, (term, _, _) =>
            {
                // Numbers (status codes, ports, dates) are read by the rules, not by wording.
                if (term.Length >= 3 && !char.IsAsciiDigit(term[0]))
                {
                    weights[term] = Math.Max(weights.GetValueOrDefault(term), weight);
                }
            });
        }
        Add(topic.Title, TitleWeight);
        Add(topic.Meta.Summary, SummaryWeight);
        foreach (var error in topic.Meta.Errors)
        {
            Add(error, WordingWeight);
        }
        foreach (var phrase in topic.Meta.Signals.Phrases.Where(p => p.Weight > 0))
        {
            Add(phrase.Text, WordingWeight);
        }
        foreach (var cause in topic.Meta.Causes)
        {
            Add(cause.Text, CauseWeight);
        }
        foreach (var step in topic.Steps)
        {
            Add(step.Title, StepWeight);
            Add(step.Question, StepWeight);
        }
        Add(topic.Body, BodyWeight);
        return weights;
    }

    private sealed record TopicWords(Topic Topic, Dictionary<string, double> Weights, double Norm);
}
