using System.Globalization;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Support.Links;

/// <summary>
/// What "Make a link" can pre-fill on a step: the query values (<see cref="TopicVocabulary.QueryKeys"/>) that the
/// answers of this step, and of the steps after it, test in their <c>when</c>, each with the values those tests accept.
/// A link carrying them opens the step and walks on as far as the values answer (<see cref="StepNavigator"/>).
/// </summary>
public static class StepQuestions
{
    /// <summary>A query key a step can be answered by; <see cref="Choices"/> is empty for a number (<c>age</c>).</summary>
    public sealed record Question(string Key, IReadOnlyList<string> Choices)
    {
        public bool IsNumber => Choices.Count == 0;
    }

    public static IReadOnlyList<Question> For(Topic topic, TopicStep step)
    {
        var choices = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var when in Reachable(topic, step).SelectMany(s => s.Answers).Select(a => a.When).OfType<StepCondition>())
        {
            Add("status", when.Status.Select(s => s.ToString(CultureInfo.InvariantCulture)));
            Add("endpoint", when.Endpoint);
            Add("grant_type", when.GrantType);
            Add("method", when.Method);
            Add("params", when.Params);
            Add("host", when.Host);
            Add("action", when.Action);
            Add("url", when.Url);
            Add("registered", when.Registered);
            if (when.AgeOver is not null || when.AgeAtMost is not null)
            {
                choices.TryAdd("age", []);
            }
        }
        return TopicVocabulary.QueryKeys.Where(choices.ContainsKey).Select(k => new Question(k, choices[k].ToList())).ToList();

        void Add(string key, IEnumerable<string> values)
        {
            var list = values.ToList();
            if (list.Count == 0)
            {
                return;
            }
            if (!choices.TryGetValue(key, out var set))
            {
                choices[key] = set = new SortedSet<string>(StringComparer.Ordinal);
            }
            set.UnionWith(list);
        }
    }

    /// <summary>
    /// The query string for the chosen answers (<c>status=503&amp;endpoint=token</c>), keeping only this step's keys with
    /// a value they accept; anything else in <paramref name="answers"/> is reported, never passed on.
    /// </summary>
    public static (string Query, IReadOnlyList<string> Problems) Build(Topic topic, TopicStep step, IReadOnlyDictionary<string, string?> answers)
    {
        var problems = new List<string>();
        var pairs = new List<string>();
        foreach (var question in For(topic, step))
        {
            if (!answers.TryGetValue(question.Key, out var value) || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            value = value.Trim();
            var accepted = question.IsNumber
                ? double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0
                : question.Choices.Contains(value, StringComparer.Ordinal);
            if (accepted)
            {
                pairs.Add($"{question.Key}={Uri.EscapeDataString(value)}");
            }
            else
            {
                problems.Add(question.IsNumber
                    ? $"{question.Key} must be a number of seconds."
                    : $"{question.Key} must be one of: {string.Join(", ", question.Choices)}.");
            }
        }
        return (string.Join('&', pairs), problems);
    }

    private static IEnumerable<TopicStep> Reachable(Topic topic, TopicStep from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<TopicStep>([from]);
        while (queue.TryDequeue(out var step))
        {
            if (!seen.Add(step.Id))
            {
                continue;
            }
            yield return step;
            foreach (var next in step.Answers.Select(a => topic.FindStep(a.Next)).OfType<TopicStep>())
            {
                queue.Enqueue(next);
            }
        }
    }
}
