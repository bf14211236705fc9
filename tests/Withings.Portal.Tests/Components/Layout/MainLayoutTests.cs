using AngleSharp.Html.Parser;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Components.Layout;

public class MainLayoutTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/faq")]
    [InlineData("/troubleshoot/invalid-code")]
    [InlineData("/playground")]
    [InlineData("/support/sign-in")]
    public async Task EveryPageHasOneMainLandmarkHoldingItsHeadingWhereTheSkipLinkLeads(string path)
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync(path, TestContext.Current.CancellationToken);
        var page = new HtmlParser().ParseDocument(html);

        var main = Assert.Single(page.QuerySelectorAll("main, [role=main]"));
        Assert.Equal("main-content", main.Id);
        Assert.NotNull(main.QuerySelector("h1"));
        Assert.EndsWith("#main-content", page.QuerySelector(".portal-skip-link")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/errors")]
    [InlineData("/search?q=token")]
    public async Task APageWithASearchOfItsOwnNamesItsSearchLandmarksApart(string path)
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync(path, TestContext.Current.CancellationToken);
        var searches = new HtmlParser().ParseDocument(html).QuerySelectorAll("[role=search]");

        Assert.Equal(2, searches.Length);
        Assert.All(searches, s => Assert.False(string.IsNullOrWhiteSpace(s.GetAttribute("aria-label"))));
        Assert.NotEqual(searches[0].GetAttribute("aria-label"), searches[1].GetAttribute("aria-label"));
    }

    [Fact]
    public async Task TheMenuIsOneNamedNavigationAndTheErrorBarCloseIsAButton()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/faq", TestContext.Current.CancellationToken);
        var page = new HtmlParser().ParseDocument(html);

        Assert.Empty(page.QuerySelectorAll("nav nav"));
        Assert.Single(page.QuerySelectorAll("nav[aria-label=Main]"));
        Assert.Empty(page.QuerySelectorAll("nav:not([aria-label])"));
        Assert.NotNull(page.QuerySelector("#blazor-error-ui button[type=button].dismiss[aria-label=Dismiss]"));
    }
}
