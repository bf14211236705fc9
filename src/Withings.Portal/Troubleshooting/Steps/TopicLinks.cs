using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Troubleshooting.Steps;

/// <summary>Links from a diagnosis into its topic, opening the decision steps where the pasted text already answers them.</summary>
public static class TopicLinks
{
    /// <summary>
    /// <c>/troubleshoot/{id}</c> with the query values the paste implies (<c>?status=503&amp;endpoint=token</c>), keeping
    /// only the keys this topic's steps ask about, so the link carries nothing the page would ignore.
    /// </summary>
    public static string WithPrefill(Topic topic, IReadOnlyDictionary<string, string> prefill)
    {
        var asked = KeysAskedBy(topic);
        var pairs = TopicVocabulary.QueryKeys
            .Where(key => asked.Contains(key) && prefill.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
            .Select(key => $"{key}={Uri.EscapeDataString(prefill[key])}")
            .ToList();
        return pairs.Count == 0 ? topic.Url : $"{topic.Url}?{string.Join('&', pairs)}";
    }

    private static HashSet<string> KeysAskedBy(Topic topic)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var when in topic.Steps.SelectMany(s => s.Answers).Select(a => a.When).OfType<StepCondition>())
        {
            Add("status", when.Status.Count > 0);
            Add("endpoint", when.Endpoint.Count > 0);
            Add("grant_type", when.GrantType.Count > 0);
            Add("method", when.Method.Count > 0);
            Add("params", when.Params.Count > 0);
            Add("host", when.Host.Count > 0);
            Add("action", when.Action.Count > 0);
            Add("age", when.AgeOver is not null || when.AgeAtMost is not null);
        }
        return keys;

        void Add(string key, bool used)
        {
            if (used)
            {
                keys.Add(key);
            }
        }
    }
}
