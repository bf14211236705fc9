using System.Text.RegularExpressions;

namespace Withings.Portal.Troubleshooting.Topics;

/// <summary>Steps form a graph from the first step: every step reachable, no cycle, every path ends in a fix.</summary>
internal static partial class StepValidation
{
    /// <summary>Segments under <c>/troubleshoot/{topic}/</c> that are pages of their own, not steps.</summary>
    public static readonly IReadOnlySet<string> ReservedIds = new HashSet<string>(StringComparer.Ordinal) { "reproduce" };

    public static void Check(TopicFrontMatter meta, Problems report)
    {
        if (meta.Steps.Count == 0)
        {
            report.At("steps:", "a topic needs decision steps (at least one fix).");
            return;
        }
        var causes = meta.Causes.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var duplicate in meta.Causes.GroupBy(c => c.Id).Where(g => g.Count() > 1))
        {
            report.At($"id: {duplicate.Key}", $"cause id '{duplicate.Key}' is used twice.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in meta.Steps)
        {
            var needle = $"id: {step.Id}";
            if (!ids.Add(step.Id))
            {
                report.At(needle, $"step id '{step.Id}' is used twice.");
            }
            if (!StepId().IsMatch(step.Id))
            {
                report.At(needle, $"step id '{step.Id}' must be lowercase kebab-case (it becomes a URL).");
            }
            if (ReservedIds.Contains(step.Id))
            {
                report.At(needle, $"step id '{step.Id}' is reserved: /troubleshoot/{{topic}}/{step.Id} is another page.");
            }
            if (string.IsNullOrWhiteSpace(step.Title))
            {
                report.At(needle, $"step '{step.Id}' needs a title.");
            }
            CheckShape(step, needle, causes, report);
        }

        foreach (var step in meta.Steps)
        {
            foreach (var answer in step.Answers.Where(a => !ids.Contains(a.Next)))
            {
                report.At($"next: {answer.Next}", $"answer '{answer.Label}' of step '{step.Id}' goes to unknown step '{answer.Next}'.");
            }
        }
        CheckGraph(meta.Steps, report);
    }

    private static void CheckShape(TopicStep step, string needle, HashSet<string> causes, Problems report)
    {
        var isQuestion = !string.IsNullOrWhiteSpace(step.Question);
        if (isQuestion == step.IsFix)
        {
            report.At(needle, $"step '{step.Id}' must be either a question with answers or a fix, not {(isQuestion ? "both" : "neither")}.");
        }
        if (isQuestion && step.Answers.Count < 2)
        {
            report.At(needle, $"question step '{step.Id}' needs at least two answers.");
        }
        if (step.IsFix && step.Answers.Count > 0)
        {
            report.At(needle, $"fix step '{step.Id}' cannot have answers.");
        }
        if (step.Check is not null && !TopicVocabulary.Checks.Contains(step.Check))
        {
            report.At(needle, $"check '{step.Check}' is not one of: {string.Join(", ", TopicVocabulary.Checks)}.");
        }
        if (step.Cause is not null && !causes.Contains(step.Cause))
        {
            report.At(needle, $"step '{step.Id}' names unknown cause '{step.Cause}'.");
        }
        if (step.Fix is not null)
        {
            BodyValidation.CheckMarkdown(step.Fix, line => report.At(needle, $"fix of step '{step.Id}': {line}"));
        }
        foreach (var when in step.Answers.Select(a => a.When).OfType<StepCondition>())
        {
            ConditionValidation.Check(when, needle, report);
        }
    }

    private static void CheckGraph(List<TopicStep> steps, Problems report)
    {
        var byId = steps.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the current path, 2 = done
        var stack = new Stack<(TopicStep Step, int Next)>();
        stack.Push((steps[0], 0));
        state[steps[0].Id] = 1;
        while (stack.Count > 0)
        {
            var (step, next) = stack.Pop();
            var targets = step.Answers.Select(a => a.Next).Where(byId.ContainsKey).ToList();
            if (next >= targets.Count)
            {
                state[step.Id] = 2;
                continue;
            }
            stack.Push((step, next + 1));
            var target = targets[next];
            switch (state.GetValueOrDefault(target))
            {
                case 1:
                    report.At($"next: {target}", $"steps loop: '{step.Id}' leads back to '{target}', so a path never ends in a fix.");
                    break;
                case 0:
                    state[target] = 1;
                    stack.Push((byId[target], 0));
                    break;
            }
        }
        foreach (var unreachable in steps.Where(s => !state.ContainsKey(s.Id)))
        {
            report.At($"id: {unreachable.Id}", $"step '{unreachable.Id}' cannot be reached from the first step '{steps[0].Id}'.");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex StepId();
}
