using Withings.Portal.Tests.Troubleshooting;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Tests.Troubleshooting.Topics;

public class SeenThreadTests
{
    [Theory]
    [InlineData("https://github.com/kodymallory/MMM-withings/issues/1", "MMM-withings")]
    [InlineData("https://github.com/ervwalter/trendweight/blob/8acd799/apps/api/WithingsService.cs", "trendweight")]
    [InlineData("https://www.reddit.com/r/withings/comments/abc/token_expired/", "reddit.com")]
    [InlineData("https://stackoverflow.com/questions/49195103/nokia-withings-api-returning-342", "stackoverflow.com")]
    public void AThreadIsPlacedByItsRepositoryOrElseItsSite(string url, string where)
    {
        Assert.Equal(where, new SeenThread { Url = url, Title = "Token" }.Where);
    }

    [Fact]
    public void EveryThreadOfEveryTopicSaysWhereItIs()
    {
        Assert.All(TopicFiles.Catalog.Topics.SelectMany(t => t.Meta.SeenElsewhere), thread => Assert.NotEqual("", thread.Where));
    }
}
