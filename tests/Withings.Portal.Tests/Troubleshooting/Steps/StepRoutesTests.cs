using Microsoft.Extensions.Logging.Abstractions;
using Withings.Portal.Troubleshooting;
using Withings.Portal.Troubleshooting.Steps;

namespace Withings.Portal.Tests.Troubleshooting.Steps;

public class StepRoutesTests
{
    private static readonly TopicLibrary Library = new(TopicFiles.ContentRoot, NullLogger<TopicLibrary>.Instance, watchFiles: false);

    [Theory]
    [InlineData("/troubleshoot/invalid-code/fix-expired", true)]
    [InlineData("/troubleshoot/redirect-uri-mismatch/registered", true)]
    [InlineData("/troubleshoot/invalid-code/no-such-step", false)]
    [InlineData("/troubleshoot/no-such-topic/start", false)]
    [InlineData("/troubleshoot/invalid-code", false)]
    [InlineData("/troubleshoot/invalid-code/start/extra", false)]
    public void ContainsExactlyTheStepsOfTheTopics(string route, bool served)
    {
        Assert.Equal(served, StepRoutes.For(Library).Contains(route));
    }

    [Fact]
    public void ListsEveryStepOfEveryTopicForTheSitemap()
    {
        var listed = StepRoutes.For(Library).List().ToList();

        Assert.Equal(TopicFiles.Catalog.Topics.Sum(t => t.Steps.Count), listed.Count);
        Assert.Contains("/troubleshoot/cors/start", listed);
    }
}
