using System.Net;
using System.Text.RegularExpressions;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Components.Pages.Search;

public partial class SearchPageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AQueryMatchingManyPagesSaysHowManyAndShowsTheFirstTen()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/search?q=token", Cancel);

        var count = CountLabel().Match(html);
        Assert.True(count.Success, "the count reads \"10 of N results\"");
        Assert.InRange(int.Parse(count.Groups["total"].Value, System.Globalization.CultureInfo.InvariantCulture), 11, 1000);
        Assert.Equal(10, Results(html));
    }

    [Fact]
    public async Task ShowMoreIsAPlainLinkThatKeepsTheQueryAndLandsOnTheFirstNewResult()
    {
        var client = fixture.Portal.CreateClient();
        var first = await client.GetStringAsync("/search?q=access+token", Cancel);

        Assert.Contains("href=\"/search?q=access%20token&amp;show=20#result-11\"", first);

        var more = await client.GetStringAsync("/search?q=access%20token&show=20", Cancel);
        Assert.Equal(20, Results(more));
        Assert.Contains("id=\"result-11\"", more);
        Assert.Matches(@"20 of \d+ results", more);
    }

    [Fact]
    public async Task AQueryMatchingFewPagesCountsThemAndOffersNoMore()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/search?q=deactivated", Cancel);

        var shown = Results(html);
        Assert.InRange(shown, 1, 9);
        Assert.Contains($"{shown} results", html);
        Assert.DoesNotContain("data-testid=\"search-show-more\"", html);
    }

    [Theory]
    [InlineData("abc", 10)]
    [InlineData("-5", 10)]
    [InlineData("100000", 100)]
    public async Task AShowValueOutOfRangeIsReadAsTheNearestOneAllowed(string show, int atMost)
    {
        var response = await fixture.Portal.CreateClient().GetAsync($"/search?q=the+token+and+code&show={show}", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(Results(await response.Content.ReadAsStringAsync(Cancel)), 1, atMost);
    }

    private static int Results(string html) => ResultItem().Count(html);

    [GeneratedRegex(@"class=""portal-search-result"" id=""result-\d+""")]
    private static partial Regex ResultItem();

    [GeneratedRegex(@"10 of (?<total>\d+) results")]
    private static partial Regex CountLabel();
}
