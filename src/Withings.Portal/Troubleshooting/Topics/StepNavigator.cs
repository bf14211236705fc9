using System.Globalization;

namespace Withings.Portal.Troubleshooting.Topics;

/// <summary>
/// Walks a topic's steps as far as the URL's query values answer them
/// (<c>/troubleshoot/invalid-code?status=503&amp;endpoint=token</c>): from the start (or a given step), an answer is
/// taken when its <c>when</c> matches the query and no other answer of that step does. Stops at a fix or at the first
/// question the query does not settle.
/// </summary>
public static class StepNavigator
{
    public static StepWalk Walk(Topic topic, IReadOnlyDictionary<string, string> query, string? fromStep = null)
    {
        var step = fromStep is null ? topic.StartStep : topic.FindStep(fromStep) ?? topic.StartStep;
        var path = new List<TopicStep> { step };
        var seen = new HashSet<string>(StringComparer.Ordinal) { step.Id };
        while (!step.IsFix)
        {
            var matching = step.Answers.Where(a => a.When is not null && Matches(a.When, query)).ToList();
            if (matching.Count != 1 || topic.FindStep(matching[0].Next) is not { } next || !seen.Add(next.Id))
            {
                break;
            }
            step = next;
            path.Add(step);
        }
        return new StepWalk(path);
    }

    public static bool Matches(StepCondition when, IReadOnlyDictionary<string, string> query)
    {
        return OneOf(when.Status.Select(s => s.ToString(CultureInfo.InvariantCulture)), "status")
            && OneOf(when.Endpoint, "endpoint")
            && OneOf(when.GrantType, "grant_type")
            && OneOf(when.Method, "method")
            && OneOf(when.Params, "params")
            && OneOf(when.Host, "host")
            && OneOf(when.Action, "action")
            && OneOf(when.Url, "url")
            && OneOf(when.Registered, "registered")
            && Age();

        bool OneOf(IEnumerable<string> accepted, string key)
        {
            var list = accepted as ICollection<string> ?? accepted.ToList();
            return list.Count == 0
                || (query.TryGetValue(key, out var value) && list.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase));
        }

        bool Age()
        {
            if (when.AgeOver is null && when.AgeAtMost is null)
            {
                return true;
            }
            if (!query.TryGetValue("age", out var raw) ||
                !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var age))
            {
                return false;
            }
            return (when.AgeOver is not { } over || age > over) && (when.AgeAtMost is not { } most || age <= most);
        }
    }
}

/// <summary>The steps visited, first to last; <see cref="Current"/> is where the page should open.</summary>
public sealed record StepWalk(IReadOnlyList<TopicStep> Path)
{
    public TopicStep Current => Path[^1];
}
