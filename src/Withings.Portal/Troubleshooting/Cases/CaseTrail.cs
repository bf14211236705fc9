using Withings.Portal.Troubleshooting.Steps;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Troubleshooting.Cases;

/// <summary>The decision steps an integrator went through in one topic, first to last, as a case keeps them.</summary>
public sealed record CaseTrail(Topic Topic, IReadOnlyList<TopicStep> Steps)
{
    /// <summary>Longest trail kept; a real walk is a handful of steps.</summary>
    public const int MaxSteps = 40;

    public TopicStep Current => Steps[^1];

    /// <summary>Step ids joined by <c>/</c>, as stored in <see cref="TroubleshooterCase.StepPath"/>.</summary>
    public string StoredPath => string.Join('/', Steps.Select(s => s.Id));

    /// <summary>
    /// Reads what a step page passes to <c>/cases/new</c>: <c>topic</c>, <c>step</c> (the step reached) and <c>path</c>
    /// (step ids from the first, comma-separated). A path that does not follow the topic's answers, or does not end at
    /// <c>step</c>, is replaced by the step alone; an unknown topic or step gives no trail.
    /// </summary>
    public static CaseTrail? FromQuery(TopicCatalog catalog, string? topicId, string? stepId, string? path)
    {
        if (string.IsNullOrWhiteSpace(topicId) || catalog.Find(topicId.Trim()) is not { } topic)
        {
            return null;
        }
        var ids = (path ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var target = string.IsNullOrWhiteSpace(stepId) ? ids.LastOrDefault() : stepId.Trim();
        if (target is null || topic.FindStep(target) is not { } reached)
        {
            return null;
        }
        var steps = ids.Length is > 0 and <= MaxSteps && ids[^1] == target ? ids.Select(topic.FindStep).ToList() : [];
        return steps.Count > 0 && steps.All(s => s is not null) && StepTrail.IsWalk(steps!)
            ? new CaseTrail(topic, steps!)
            : new CaseTrail(topic, [reached]);
    }
}
