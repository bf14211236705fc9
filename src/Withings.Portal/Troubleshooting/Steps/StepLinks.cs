using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Troubleshooting.Steps;

/// <summary>The addresses of steps: stable ones to send to a customer, and ones that carry the answers given so far.</summary>
public static class StepLinks
{
    /// <summary>The stable address of a step, with no answers: what support staff paste into a reply.</summary>
    public static string Stable(Topic topic, TopicStep step) => topic.StepUrl(step.Id);

    /// <summary><paramref name="step"/>'s address with <c>?path=</c> naming the steps answered before it.</summary>
    public static string To(Topic topic, TopicStep step, IEnumerable<TopicStep> before)
    {
        var path = PathValue(before);
        return path.Length == 0 ? topic.StepUrl(step.Id) : $"{topic.StepUrl(step.Id)}?{StepTrail.PathKey}={path}";
    }

    /// <summary>The value of <c>?path=</c> for these steps (ids are kebab-case, so the comma list needs no escaping).</summary>
    public static string PathValue(IEnumerable<TopicStep> steps) => string.Join(',', steps.Select(s => s.Id));

    /// <summary>Where an answer of the current step leads, keeping the way there.</summary>
    public static string Answer(StepPosition position, StepAnswer answer) =>
        To(position.Topic, position.Topic.FindStep(answer.Next)!, position.ThroughCurrent);

    /// <summary>Back to an earlier question of the trail, with the answers given before it.</summary>
    public static string Back(StepPosition position, int trailIndex) =>
        To(position.Topic, position.Trail[trailIndex].Step, position.Trail.Take(trailIndex).Select(t => t.Step));

    /// <summary>The fix step that addresses a cause, if the topic has one.</summary>
    public static TopicStep? FixFor(Topic topic, TopicCause cause) =>
        topic.Steps.FirstOrDefault(s => s.IsFix && s.Cause == cause.Id);
}
