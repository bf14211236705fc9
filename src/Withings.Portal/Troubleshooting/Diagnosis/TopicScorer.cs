using System.Globalization;
using Withings.Client;
using Withings.Portal.Troubleshooting.Signals;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>
/// Weighs one topic's signals (from its front matter) against what was extracted. Positive evidence combines as
/// independent clues, 1 − Π(1 − w); counter-evidence multiplies the result by (1 + w). A status code counts fully
/// only where the topic says it occurs: known endpoints elsewhere rule it out, an unknown endpoint weakens it.
/// </summary>
internal static class TopicScorer
{
    private const double NoEndpointFactor = 0.6;

    /// <summary>Counter-evidence when the answer's body status is none of the topic's <c>status_codes</c>.</summary>
    private const double OtherStatusFactor = 0.5;
    private const double UnknownLayerFactor = 0.8;

    /// <summary>A status of unknown layer ("returns 503") is rarely the HTTP status: Withings errors come with HTTP 200.</summary>
    private const double UnknownLayerAsHttpFactor = 0.5;

    public static ScoredTopic Score(Topic topic, ExtractedSignals signals)
    {
        var evidence = new List<string>();
        var miss = 1.0;
        var against = 1.0;
        var specific = false;

        void Add(double weight, string sentence, bool isSpecific)
        {
            if (weight > 0)
            {
                miss *= 1 - weight;
                specific |= isSpecific;
                if (sentence.Length > 0 && !evidence.Contains(sentence))
                {
                    evidence.Add(sentence);
                }
            }
            else
            {
                against *= 1 + weight;
            }
        }

        var matched = topic.Meta.Signals.Phrases.Where(p => signals.Phrases.ContainsKey(p.Text.Trim().ToLowerInvariant())).ToList();
        foreach (var phrase in matched)
        {
            var key = phrase.Text.Trim().ToLowerInvariant();
            // Only Withings' own wordings are error texts; the other phrases are also how people describe a
            // problem in their own words ("sleep data never shows up").
            var sentence = phrase.Withings ? $"error text matches “{phrase.Text.Trim()}”" : $"the text says “{phrase.Text.Trim()}”";
            // A phrase inside a longer one that also matched ("XRequestID" in "XRequestID: Not provided invalid_token")
            // still weighs, but saying it again tells the reader nothing new.
            var saidByLonger = matched.Exists(other => other.Text.Trim().Length > key.Length
                && other.Text.Trim().Contains(key, StringComparison.OrdinalIgnoreCase));
            Add(phrase.Weight, saidByLonger ? "" : sentence, phrase.Withings || signals.PhrasesOnWithingsLines.Contains(key));
        }
        foreach (var status in topic.Meta.Signals.Statuses)
        {
            if (StatusWeight(status, signals) is { } weight)
            {
                Add(status.Weight * weight.Factor, weight.Sentence, status.Layer == "body");
            }
        }
        foreach (var fact in topic.Meta.Signals.Facts)
        {
            if (signals.Facts.TryGetValue(fact.Fact, out var sentence))
            {
                Add(fact.Weight, sentence, signals.WithingsRequestFacts.Contains(fact.Fact));
            }
        }

        // A Withings answer with a status of another family than this topic's (a 503 "Invalid params" for a topic about
        // 2554 "Not implemented") speaks against it.
        if (topic.Meta.StatusCodes.Count > 0 && signals.Statuses.Exists(s => s.Layer == StatusLayer.Body && s.Code is not (0 or 200))
            && !signals.Statuses.Exists(s => s.Layer == StatusLayer.Body
                && topic.Meta.StatusCodes.Any(c => c == s.Code || WithingsStatusCodes.IsOfficial(c) && WithingsStatusCodes.FamilyOf(c) == WithingsStatusCodes.FamilyOf(s.Code))))
        {
            against *= OtherStatusFactor;
        }
        var score = Math.Round((1 - miss) * against, 3);
        return new ScoredTopic(topic, score, evidence, specific);
    }

    private static (double Factor, string Sentence)? StatusWeight(StatusSignal status, ExtractedSignals signals)
    {
        var wantHttp = status.Layer == "http";
        var found = signals.Statuses
            .Where(s => s.Code == status.Code && (s.Layer == StatusLayer.Unknown || (s.Layer == StatusLayer.Http) == wantHttp))
            .Select(s => (FoundStatus?)s)
            .OrderBy(s => s!.Value.Layer == StatusLayer.Unknown ? 1 : 0)
            .FirstOrDefault();
        if (found is not { } match)
        {
            return null;
        }
        var layerFactor = match.Layer != StatusLayer.Unknown ? 1.0 : wantHttp ? UnknownLayerAsHttpFactor : UnknownLayerFactor;
        var code = (wantHttp ? "HTTP " : "status ") + status.Code.ToString(CultureInfo.InvariantCulture);
        if (status.At.Count == 0)
        {
            return (layerFactor, code);
        }
        // When the log names the step that failed, the code is read there only.
        var at = signals.FailingEndpoint is { } failing
            ? status.At.Contains(failing) ? failing : null
            : status.At.FirstOrDefault(signals.Endpoints.Contains);
        if (at is not null)
        {
            return (layerFactor, $"{code} at {EndpointKinds.Describe(at)}");
        }
        return signals.Endpoints.Count == 0 ? (layerFactor * NoEndpointFactor, code) : null;
    }

}

internal sealed record ScoredTopic(Topic Topic, double Score, IReadOnlyList<string> Evidence, bool HasWithingsSpecificEvidence);
