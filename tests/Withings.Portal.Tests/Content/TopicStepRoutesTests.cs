using Withings.Portal.Content;
using Withings.Portal.Content.Markdown;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Tests.Troubleshooting;

namespace Withings.Portal.Tests.Content;

/// <summary>Every decision step of the shipped topics is a route of the content (links may point to it, the sitemap lists it).</summary>
public class TopicStepRoutesTests
{
    private static readonly ContentSnapshot Content = new ContentLoader(PortalMarkdown.CreatePipeline(),
        new AppRoutes([new AppRouteSet("any", _ => true, () => [])])).Load(RepositoryPaths.Content);

    private static readonly HashSet<string> StepRoutes = Content.Pages.SelectMany(p => p.StepRoutes).ToHashSet(StringComparer.Ordinal);

    [Theory]
    [InlineData("/troubleshoot/invalid-code/fix-expired", true)]
    [InlineData("/troubleshoot/redirect-uri-mismatch/registered", true)]
    [InlineData("/troubleshoot/invalid-code/no-such-step", false)]
    [InlineData("/troubleshoot/no-such-topic/start", false)]
    [InlineData("/troubleshoot/invalid-code", false)]
    [InlineData("/troubleshoot/invalid-code/start/extra", false)]
    public void StepRoutesAreExactlyTheStepsOfTheTopics(string route, bool served)
    {
        Assert.Equal(served, StepRoutes.Contains(route));
    }

    [Fact]
    public void EveryStepOfEveryTopicHasItsRoute()
    {
        var expected = TopicFiles.Catalog.Topics.SelectMany(t => t.Steps.Select(s => t.StepUrl(s.Id))).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(expected.Order(StringComparer.Ordinal), StepRoutes.Order(StringComparer.Ordinal));
    }
}
