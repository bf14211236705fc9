using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Troubleshooting.Steps;

/// <summary>
/// Where a reader stands in a topic's decision steps and how they got there. The address carries it all, so a page
/// needs no per-visitor state and stays cacheable: <c>/troubleshoot/{id}/{step}</c> names the step, <c>?path=a,b</c> the
/// steps answered before it (written by the answer links), and the query vocabulary (<c>?status=503&amp;endpoint=token</c>)
/// answers further questions the way <see cref="StepNavigator"/> does.
/// </summary>
public static class StepTrail
{
    /// <summary>Query key of the steps answered before the one in the address, comma-separated, first to last.</summary>
    public const string PathKey = "path";

    /// <summary>Null when the topic has no step <paramref name="stepId"/> (the page answers 404).</summary>
    public static StepPosition? Locate(Topic topic, string? stepId, IReadOnlyDictionary<string, string> query)
    {
        var from = stepId is null ? topic.StartStep : topic.FindStep(stepId);
        if (from is null)
        {
            return null;
        }
        var trail = stepId is null ? [] : Followed(topic, from, query.GetValueOrDefault(PathKey));
        var walk = StepNavigator.Walk(topic, query, from.Id);
        for (var i = 0; i + 1 < walk.Path.Count; i++)
        {
            trail.Add(new TrailEntry(walk.Path[i], AnswerTo(walk.Path[i], walk.Path[i + 1]), FromLink: true));
        }
        return new StepPosition(topic, walk.Current, trail);
    }

    /// <summary>The answer of <paramref name="step"/> that leads to <paramref name="next"/>.</summary>
    public static StepAnswer AnswerTo(TopicStep step, TopicStep next) =>
        AnswerLeadingTo(step, next.Id) ?? throw new ArgumentException($"No answer of step '{step.Id}' leads to '{next.Id}'.", nameof(next));

    /// <summary>The answer of <paramref name="step"/> that leads to the step <paramref name="nextId"/>, if any.</summary>
    public static StepAnswer? AnswerLeadingTo(TopicStep? step, string nextId) =>
        step?.Answers.FirstOrDefault(a => a.Next == nextId);

    /// <summary>Whether each step has an answer leading to the next: a walk someone could really have made.</summary>
    public static bool IsWalk(IReadOnlyList<TopicStep> steps) =>
        steps.Zip(steps.Skip(1)).All(pair => AnswerLeadingTo(pair.First, pair.Second.Id) is not null);

    /// <summary>
    /// The steps a <c>?path=</c> names, if they really lead one to the next and to <paramref name="current"/>. Anything
    /// else (an edited or stale link) is ignored rather than shown as answers the reader never gave.
    /// </summary>
    private static List<TrailEntry> Followed(Topic topic, TopicStep current, string? path)
    {
        var trail = new List<TrailEntry>();
        if (string.IsNullOrEmpty(path))
        {
            return trail;
        }
        var ids = path.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length >= topic.Steps.Count || ids.Distinct(StringComparer.Ordinal).Count() != ids.Length || ids.Contains(current.Id))
        {
            return trail;
        }
        for (var i = 0; i < ids.Length; i++)
        {
            var step = topic.FindStep(ids[i]);
            var next = i + 1 < ids.Length ? topic.FindStep(ids[i + 1]) : current;
            if (step is null || next is null || AnswerLeadingTo(step, next.Id) is null)
            {
                return [];
            }
            trail.Add(new TrailEntry(step, AnswerTo(step, next), FromLink: false));
        }
        return trail;
    }
}

/// <param name="FromLink">Answered by the values in the link (<c>?status=…</c>) rather than by a click.</param>
public sealed record TrailEntry(TopicStep Step, StepAnswer Answer, bool FromLink);

/// <summary>The step to show and the answers that led to it, first to last.</summary>
public sealed record StepPosition(Topic Topic, TopicStep Current, IReadOnlyList<TrailEntry> Trail)
{
    /// <summary>The reader arrived on a later step without answers to show (a support link to that step).</summary>
    public bool OpenedMidway => Trail.Count == 0 && Current != Topic.StartStep;

    /// <summary>Steps answered so far, then the current one: what an answer link passes on as <c>?path=</c>.</summary>
    public IReadOnlyList<TopicStep> ThroughCurrent => [.. Trail.Select(t => t.Step), Current];

    public IReadOnlyList<TopicStep> BeforeCurrent => [.. Trail.Select(t => t.Step)];
}
