using Withings.Portal.Troubleshooting.Cases;

namespace Withings.Portal.Tests.Troubleshooting.Cases;

public class StepTrailTests
{
    [Fact]
    public void PathThatFollowsTheAnswersIsKept()
    {
        var trail = CaseTrail.FromQuery(TopicFiles.Catalog, "invalid-code", "fix-expired", "start, code-age ,fix-expired");

        Assert.NotNull(trail);
        Assert.Equal("start/code-age/fix-expired", trail.StoredPath);
        Assert.Equal("fix-expired", trail.Current.Id);
    }

    [Fact]
    public void MissingStepIsTheEndOfThePath()
    {
        var trail = CaseTrail.FromQuery(TopicFiles.Catalog, "invalid-code", null, "start,code-age");

        Assert.Equal("start/code-age", trail?.StoredPath);
    }

    [Theory]
    [InlineData("start,fix-expired")]
    [InlineData("start,code-age")]
    [InlineData("nope,fix-expired")]
    [InlineData("")]
    public void PathThatDoesNotLeadToTheStepIsReplacedByTheStepAlone(string path)
    {
        var trail = CaseTrail.FromQuery(TopicFiles.Catalog, "invalid-code", "fix-expired", path);

        Assert.Equal("fix-expired", trail?.StoredPath);
    }

    [Theory]
    [InlineData("no-such-topic", "start")]
    [InlineData("invalid-code", "no-such-step")]
    [InlineData(null, "start")]
    [InlineData("invalid-code", null)]
    public void UnknownTopicOrStepGivesNoTrail(string? topic, string? step)
    {
        Assert.Null(CaseTrail.FromQuery(TopicFiles.Catalog, topic, step, null));
    }

    [Fact]
    public void AnswerIntoNamesTheAnswerThatWasChosen()
    {
        var topic = TopicFiles.Catalog.Get("invalid-code");

        var answer = Withings.Portal.Troubleshooting.Steps.StepTrail.AnswerLeadingTo(topic.FindStep("code-age"), "fix-expired");

        Assert.Equal("More than 30 seconds", answer?.Label);
        Assert.Null(Withings.Portal.Troubleshooting.Steps.StepTrail.AnswerLeadingTo(null, "start"));
    }
}
