using Withings.Portal.Troubleshooting.Steps;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Tests.Troubleshooting.Steps;

public class StepLinksTests
{
    private static Topic InvalidCode => TopicFiles.Catalog.Get("invalid-code");

    [Fact]
    public void AnswerLinkCarriesTheStepsAnsweredSoFar()
    {
        var position = StepTrail.Locate(InvalidCode, "code-age", new Dictionary<string, string> { ["path"] = "start" })!;

        var link = StepLinks.Answer(position, position.Current.Answers[1]);

        Assert.Equal("/troubleshoot/invalid-code/reused?path=start,code-age", link);
    }

    [Fact]
    public void BackLinkKeepsOnlyTheAnswersBeforeThatQuestion()
    {
        var position = StepTrail.Locate(InvalidCode, "mangled", new Dictionary<string, string> { ["path"] = "start,code-age,reused" })!;

        Assert.Equal("/troubleshoot/invalid-code/start", StepLinks.Back(position, 0));
        Assert.Equal("/troubleshoot/invalid-code/reused?path=start,code-age", StepLinks.Back(position, 2));
    }

    [Fact]
    public void StableLinkHasNoAnswers()
    {
        Assert.Equal("/troubleshoot/invalid-code/fix-expired", StepLinks.Stable(InvalidCode, InvalidCode.FindStep("fix-expired")!));
    }

    [Fact]
    public void EveryCauseWithAFixStepLinksToIt()
    {
        var fixes = InvalidCode.Meta.Causes.Select(c => StepLinks.FixFor(InvalidCode, c)?.Id);

        Assert.Equal(["fix-expired", "fix-single-use", "fix-exact-value", "fix-same-app"], fixes);
    }
}
