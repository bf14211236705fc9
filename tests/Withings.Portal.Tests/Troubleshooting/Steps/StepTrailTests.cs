using Withings.Portal.Troubleshooting.Steps;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Tests.Troubleshooting.Steps;

public class StepTrailTests
{
    private static Topic InvalidCode => TopicFiles.Catalog.Get("invalid-code");

    [Fact]
    public void TopicAddressOpensOnTheFirstQuestionWithNoAnswers()
    {
        var position = StepTrail.Locate(InvalidCode, null, Query())!;

        Assert.Equal("start", position.Current.Id);
        Assert.Empty(position.Trail);
        Assert.False(position.OpenedMidway);
    }

    [Fact]
    public void PrefilledValuesLandOnTheCodeAgeStepAndShowTheAnswerTheyGave()
    {
        var position = StepTrail.Locate(InvalidCode, null, Query(("status", "503"), ("endpoint", "token")))!;

        Assert.Equal("code-age", position.Current.Id);
        var entry = Assert.Single(position.Trail);
        Assert.Equal("start", entry.Step.Id);
        Assert.Equal("code-age", entry.Answer.Next);
        Assert.True(entry.FromLink);
    }

    [Fact]
    public void PathNamesTheAnswersClickedBeforeTheStep()
    {
        var position = StepTrail.Locate(InvalidCode, "mangled", Query(("path", "start,code-age,reused")))!;

        Assert.Equal(["start", "code-age", "reused"], position.Trail.Select(t => t.Step.Id));
        Assert.Equal(["code-age", "reused", "mangled"], position.Trail.Select(t => t.Answer.Next));
        Assert.All(position.Trail, t => Assert.False(t.FromLink));
    }

    [Theory]
    [InlineData("start,reused")]
    [InlineData("start,code-age,nowhere")]
    [InlineData("start,start,code-age,reused")]
    [InlineData("start,code-age,reused,mangled")]
    public void PathThatDoesNotLeadToTheStepIsIgnored(string path)
    {
        var position = StepTrail.Locate(InvalidCode, "mangled", Query(("path", path)))!;

        Assert.Equal("mangled", position.Current.Id);
        Assert.Empty(position.Trail);
        Assert.True(position.OpenedMidway);
    }

    [Fact]
    public void ValuesInAStepLinkWalkOnFromThatStep()
    {
        var position = StepTrail.Locate(InvalidCode, "code-age", Query(("path", "start"), ("age", "47")))!;

        Assert.Equal("fix-expired", position.Current.Id);
        Assert.Equal([false, true], position.Trail.Select(t => t.FromLink));
    }

    [Fact]
    public void UnknownStepIsNotFound()
    {
        Assert.Null(StepTrail.Locate(InvalidCode, "no-such-step", Query()));
    }

    private static Dictionary<string, string> Query(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);
}
