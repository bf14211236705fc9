using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Troubleshooting.Checks;

public enum CheckFindingKind
{
    Good,
    Note,
    Problem,
}

/// <summary>One line of a check's answer; <see cref="Topic"/> names the topic that explains it, when one does.</summary>
public sealed record CheckFinding(CheckFindingKind Kind, string Message, string? Topic = null);

/// <summary>
/// What a live check found. <see cref="Answers"/> are query values of the step vocabulary (<c>url</c>, <c>age</c>,
/// <c>params</c>…): fed to <see cref="StepNavigator"/>, they pick the answer of the current question when they settle it.
/// </summary>
public sealed record CheckResult(
    string Headline,
    IReadOnlyList<CheckFinding> Findings,
    IReadOnlyDictionary<string, string> Answers,
    bool InputProblem = false)
{
    public static CheckResult BadInput(string message) => new(message, [], new Dictionary<string, string>(), InputProblem: true);

    public bool HasProblems => Findings.Any(f => f.Kind == CheckFindingKind.Problem);
}

/// <summary>The answer a check settled and the step it leads to.</summary>
public sealed record DecidedAnswer(StepAnswer Answer, TopicStep Next)
{
    /// <summary>Null when the check's values match no answer of <paramref name="step"/>, or more than one.</summary>
    public static DecidedAnswer? For(Topic topic, TopicStep step, CheckResult result)
    {
        if (result.InputProblem || result.Answers.Count == 0)
        {
            return null;
        }
        var walk = StepNavigator.Walk(topic, result.Answers, step.Id);
        return walk.Path.Count < 2 ? null : new DecidedAnswer(Steps.StepTrail.AnswerTo(step, walk.Path[1]), walk.Path[1]);
    }
}
