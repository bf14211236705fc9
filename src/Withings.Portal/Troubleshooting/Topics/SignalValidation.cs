using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Troubleshooting.Topics;

internal static class SignalValidation
{
    public static void Check(TopicSignals signals, Problems report)
    {
        if (!signals.Phrases.Any(p => p.Weight > 0) && !signals.Statuses.Any(s => s.Weight > 0) && !signals.Facts.Any(f => f.Weight > 0))
        {
            report.At("signals:", "signals must hold at least one positive phrase, status or fact, or the diagnosis can never find this topic.");
        }
        foreach (var phrase in signals.Phrases)
        {
            if (phrase.Text.Trim().Length < 4)
            {
                report.At(phrase.Text, $"phrase '{phrase.Text}' is too short to match reliably (at least 4 characters).");
            }
            CheckWeight(phrase.Weight, phrase.Text, report);
        }
        foreach (var group in signals.Phrases.GroupBy(p => p.Text, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            report.At(group.Key, $"phrase '{group.Key}' is listed twice.");
        }
        foreach (var status in signals.Statuses)
        {
            var needle = $"code: {status.Code}";
            if (!TopicVocabulary.StatusLayers.Contains(status.Layer))
            {
                report.At(needle, $"status layer '{status.Layer}' must be body or http.");
            }
            foreach (var at in status.At.Where(a => !EndpointKinds.All.Contains(a)))
            {
                report.At(needle, $"endpoint '{at}' is not one of: {string.Join(", ", EndpointKinds.All)}.");
            }
            CheckWeight(status.Weight, needle, report);
        }
        foreach (var fact in signals.Facts)
        {
            if (!SignalFacts.All.Contains(fact.Fact))
            {
                report.At(fact.Fact, $"fact '{fact.Fact}' is not a fact the extractor knows (see SignalFacts).");
            }
            CheckWeight(fact.Weight, fact.Fact, report);
        }
    }

    private static void CheckWeight(double weight, string needle, Problems report)
    {
        if (weight is 0 or < -1 or >= 1 || double.IsNaN(weight))
        {
            report.At(needle, $"weight {weight} must be in (0, 1) for evidence or in [-1, 0) for counter-evidence.");
        }
    }
}
