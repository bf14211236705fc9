using System.Text;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>
/// Paste anything, get the troubleshooter topics it points to, best first, with the evidence as sentences.
/// Plain C#: no network, no DI needed (<c>new DiagnosisEngine(TopicCatalog.Load(root))</c>), thread-safe. Built on a
/// <see cref="TopicLibrary"/>, it follows the current topics: the phrase index is rebuilt once after each topic reload.
/// </summary>
public sealed class DiagnosisEngine
{
    private readonly Func<TopicCatalog> topics;
    private volatile Built? built;

    public DiagnosisEngine(TopicCatalog catalog) => topics = () => catalog;

    public DiagnosisEngine(TopicLibrary library) => topics = () => library.Current;

    public TopicCatalog Catalog => topics();

    public DiagnosisReport Diagnose(string? text)
    {
        var (catalog, extractor, suggester) = Current();
        if (string.IsNullOrWhiteSpace(text))
        {
            return DiagnosisReport.Refused(DiagnosisOutcome.Empty, "Paste an error message, a log excerpt, a request or a description.");
        }
        if (text.Length > DiagnosisLimits.MaxInputBytes || Encoding.UTF8.GetByteCount(text) > DiagnosisLimits.MaxInputBytes)
        {
            return DiagnosisReport.Refused(DiagnosisOutcome.TooLarge,
                $"The text is larger than {DiagnosisLimits.MaxInputBytes / 1024} KB. Paste only the error and the lines around it.");
        }

        var signals = extractor.Extract(text);
        if (!signals.IsAboutWithings && signals.PointsElsewhere)
        {
            return new DiagnosisReport(DiagnosisOutcome.NotWithings, [], signals,
                $"This text is about {signals.Elsewhere}, not the Withings API, so there is no diagnosis. If a Withings call failed too, paste its response or log line.");
        }

        // Without a Withings marker (name, host, Withings' own wording, answer envelope), and in a text that also names
        // another API, a topic needs evidence only Withings gives: its wording, a body status, a request to its host.
        var otherApi = signals.OtherVendors.Count > 0;
        var needSpecific = otherApi || !signals.IsAboutWithings;
        var scored = catalog.Topics.Select(t => TopicScorer.Score(t, signals)).ToList();
        // A connection that failed before any answer cannot show a Withings marker (see ConnectionFailureContext).
        var unnamedContext = needSpecific ? ConnectionFailureContext.For(text, signals) : null;
        // A text that names Withings and other services alike (a multi-service client) and fails to connect: the
        // failure carries no service's wording, so it is read as Withings' unless it is told on another service's line.
        var sharedConnectionFailure = otherApi && signals.IsAboutWithings && !signals.FailsElsewhere && signals.OtherHosts.Count == 0;
        var diagnoses = scored
            .Where(s => s.Score >= DiagnosisLimits.MinScore && (!needSpecific || s.HasWithingsSpecificEvidence
                || (unnamedContext is not null || sharedConnectionFailure) && ConnectionFailureContext.IsNoAnswerTopic(s.Topic)))
            .OrderByDescending(s => s.Score)
            .Take(DiagnosisLimits.MaxDiagnoses)
            .Select(s => new Diagnosis(s.Topic.Id, s.Score, s.Topic.Title, s.Topic.Url,
                !needSpecific || s.HasWithingsSpecificEvidence ? s.Evidence
                    : unnamedContext is not null
                        ? [.. s.Evidence, $"the connection failed before any answer, so no API is named; the text is about “{unnamedContext}”, which the Withings API serves, and names no other service"]
                        : [.. s.Evidence, $"the connection failed before any answer, so the error names no API; the text names Withings, and {signals.Elsewhere} only on lines that are not the failure"],
                FromSearch: false, s.Topic.Meta.SeenElsewhere))
            .ToList();
        if (diagnoses.Count > 0)
        {
            return new DiagnosisReport(DiagnosisOutcome.Diagnosed, diagnoses, signals, "");
        }
        if (!signals.IsAboutWithings)
        {
            // Turned away for naming no API at all, not for naming another: on this portal it may still be a Withings
            // error whose client printed no name. Its closest topics are offered apart from any diagnosis, so such a
            // text still gets no diagnosis (a text from another service must not), yet its reader gets a lead.
            var nearest = otherApi ? [] : Closest(scored, suggester, text,
                s => $"{string.Join("; ", s.Evidence)}; a suggestion from the words alone: the text shows no answer of the Withings API");
            return new DiagnosisReport(DiagnosisOutcome.NotWithings, [], signals, nearest.Count > 0
                ? "The text shows no answer of the Withings API and does not name it, so this is not a diagnosis: the topics below are the closest to what it describes. For a diagnosis, paste the response body or the log line with the error."
                : "Nothing in this text points to the Withings API, so there is no diagnosis. If it is a Withings error, paste the full response or log line.")
            {
                NearestIfWithings = nearest,
            };
        }
        var suggestions = otherApi ? [] : Closest(scored, suggester, text,
            s => $"too little for a diagnosis; the text only shows: {string.Join("; ", s.Evidence)}");
        return new DiagnosisReport(DiagnosisOutcome.NoMatch, suggestions, signals, suggestions.Count > 0
            ? "No known problem matches this text exactly. The topics below share only part of its evidence or its wording: weaker suggestions, so check their first step."
            : "This looks like Withings, but it matches no known problem. Browse the topics or paste more of the response.");
    }

    /// <summary>
    /// Weaker suggestions: topics holding some of the text's evidence, too little (or too unspecific) for a diagnosis (a
    /// body status 503 from a log that names no step fits three topics), come first; the closest topics by wording fill
    /// the remaining places, so a weak partial clue (a parameter name) does not hide the topic whose words the text shares.
    /// </summary>
    private static List<Diagnosis> Closest(List<ScoredTopic> scored, TopicSuggester suggester, string text, Func<ScoredTopic, string> why)
    {
        var closest = scored
            .Where(s => s.Score >= DiagnosisLimits.MinPartialScore)
            .OrderByDescending(s => s.Score)
            .Take(DiagnosisLimits.MaxPartialSuggestions)
            .Select(s => new Diagnosis(s.Topic.Id, s.Score, s.Topic.Title, s.Topic.Url, [why(s)], FromSearch: true, s.Topic.Meta.SeenElsewhere))
            .ToList();
        if (closest.Count < DiagnosisLimits.MaxPartialSuggestions)
        {
            closest.AddRange(suggester.Suggest(text).Where(s => !closest.Exists(p => p.Topic == s.Topic))
                .Take(DiagnosisLimits.MaxPartialSuggestions - closest.Count));
        }
        return closest;
    }

    private Built Current()
    {
        var catalog = topics();
        var current = built;
        if (current is null || !ReferenceEquals(current.Catalog, catalog))
        {
            current = new Built(catalog, new SignalExtractor(catalog), new TopicSuggester(catalog));
            built = current;
        }
        return current;
    }

    /// <summary>The extractor built for one catalog; replaced when the library's catalog changes.</summary>
    private sealed record Built(TopicCatalog Catalog, SignalExtractor Extractor, TopicSuggester Suggester);
}

/// <summary>
/// One ranked topic: <see cref="Score"/> in [0, 1], the evidence as readable sentences. <see cref="FromSearch"/> marks a
/// weaker suggestion: no rule matched, the topic shares only part of the text's evidence, or only its wording.
/// </summary>
public sealed record Diagnosis(
    string Topic,
    double Score,
    string Title,
    string Url,
    IReadOnlyList<string> Evidence,
    bool FromSearch = false,
    IReadOnlyList<SeenThread>? SeenElsewhere = null)
{
    /// <summary>Public threads where people hit the same problem (from the topic's front matter).</summary>
    public IReadOnlyList<SeenThread> Threads => SeenElsewhere ?? [];
}

public enum DiagnosisOutcome
{
    Diagnosed,
    NoMatch,
    NotWithings,
    Empty,
    TooLarge,
}

public sealed record DiagnosisReport(
    DiagnosisOutcome Outcome,
    IReadOnlyList<Diagnosis> Diagnoses,
    ExtractedSignals? Signals,
    string Message)
{
    /// <summary>Query values that open a topic's steps at the right place (<c>?status=503&amp;endpoint=token</c>).</summary>
    public IReadOnlyDictionary<string, string> Prefill =>
        Signals?.Prefill ?? (IReadOnlyDictionary<string, string>)new Dictionary<string, string>();

    /// <summary>
    /// For a text turned away because it names no API (neither Withings nor another): the topics closest to it (those
    /// holding some of its evidence, then the closest by wording), in case it is a Withings error whose client printed no name. Never diagnoses: the outcome stays
    /// <see cref="DiagnosisOutcome.NotWithings"/> and <see cref="Diagnoses"/> stays empty.
    /// </summary>
    public IReadOnlyList<Diagnosis> NearestIfWithings { get; init; } = [];

    public static DiagnosisReport Refused(DiagnosisOutcome outcome, string message) => new(outcome, [], null, message);
}
