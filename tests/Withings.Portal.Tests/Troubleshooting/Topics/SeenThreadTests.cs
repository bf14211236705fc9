using Withings.Portal.Tests.Troubleshooting;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Tests.Troubleshooting.Topics;

public class SeenThreadTests
{
    [Theory]
    [InlineData("https://github.com/kodymallory/MMM-withings/issues/1", "kodymallory/MMM-withings #1")]
    [InlineData("https://github.com/home-assistant/core/issues/42717", "home-assistant/core #42717")]
    [InlineData("https://github.com/jaroslawhartman/withings-sync/pull/12", "jaroslawhartman/withings-sync #12")]
    [InlineData("https://github.com/ervwalter/trendweight/blob/8acd799/apps/api/WithingsService.cs", "ervwalter/trendweight, a file")]
    [InlineData("https://github.com/someone/LifeboardAI/commit/0123abc", "someone/LifeboardAI, a commit")]
    [InlineData("https://www.reddit.com/r/withings/comments/abc/token_expired/", "reddit.com")]
    [InlineData("https://stackoverflow.com/questions/49195103/nokia-withings-api-returning-342", "stackoverflow.com")]
    public void AThreadIsPlacedByItsRepositoryAndWhatItIsOrElseItsSite(string url, string where)
    {
        Assert.Equal(where, new SeenThread { Url = url, Title = "Token" }.Where);
    }

    [Fact]
    public void EveryThreadOfEveryTopicSaysWhereItIs()
    {
        Assert.All(TopicFiles.Catalog.Topics.SelectMany(t => t.Meta.SeenElsewhere), thread => Assert.NotEqual("", thread.Where));
    }
}
