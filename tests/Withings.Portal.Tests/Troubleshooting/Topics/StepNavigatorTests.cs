using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Tests.Troubleshooting.Topics;

public class StepNavigatorTests
{
    private static Topic InvalidCode => TopicFiles.Catalog.Get("invalid-code");

    [Fact]
    public void StatusAndEndpointJumpToTheCodeAgeStep()
    {
        var walk = StepNavigator.Walk(InvalidCode, Query(("status", "503"), ("endpoint", "token")));

        Assert.Equal(["start", "code-age"], walk.Path.Select(s => s.Id));
        Assert.Equal("code-age", walk.Current.Check);
    }

    [Fact]
    public void OldCodeWalksToTheExpiryFix()
    {
        var walk = StepNavigator.Walk(InvalidCode, Query(("status", "503"), ("endpoint", "token"), ("age", "47")));

        Assert.Equal("fix-expired", walk.Current.Id);
        Assert.True(walk.Current.IsFix);
    }

    [Fact]
    public void FreshCodeStopsAtTheReuseQuestion()
    {
        var walk = StepNavigator.Walk(InvalidCode, Query(("status", "503"), ("endpoint", "token"), ("age", "12")));

        Assert.Equal("reused", walk.Current.Id);
    }

    [Fact]
    public void QueryThatAnswersNothingStaysOnTheFirstStep()
    {
        var walk = StepNavigator.Walk(InvalidCode, Query(("status", "601")));

        Assert.Equal("start", Assert.Single(walk.Path).Id);
    }

    [Fact]
    public void WalkCanStartFromALinkedStep()
    {
        var walk = StepNavigator.Walk(InvalidCode, Query(("age", "31")), fromStep: "code-age");

        Assert.Equal(["code-age", "fix-expired"], walk.Path.Select(s => s.Id));
    }

    [Fact]
    public void HostPrefillPicksTheWrongHostFix()
    {
        var walk = StepNavigator.Walk(TopicFiles.Catalog.Get("wrong-api-host"), Query(("host", "api-com")));

        Assert.Equal("fix-net", walk.Current.Id);
    }

    [Fact]
    public void EveryTopicHasAFixAndStartsWithItsFirstStep()
    {
        foreach (var topic in TopicFiles.Catalog.Topics)
        {
            Assert.Contains(topic.Steps, s => s.IsFix);
            Assert.Equal(topic.Steps[0], StepNavigator.Walk(topic, Query()).Path[0]);
            Assert.Equal($"/troubleshoot/{topic.Id}/{topic.StartStep.Id}", topic.StepUrl(topic.StartStep.Id));
        }
    }

    private static Dictionary<string, string> Query(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);
}
