using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Content.Search;
using Withings.Portal.Data;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Content;

public class ContentPagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/faq/invalid-code", "Why do I get this error? Invalid Params: invalid code")]
    [InlineData("/glossary/callback-url", "Callback URL")]
    [InlineData("/guides/oauth2-get-your-access-token", "OAuth 2.0")]
    public async Task ContentPageHasItsTitleDescriptionAndCanonicalUrl(string route, string title)
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync(route, Cancel);

        Assert.Contains($"<h1", html);
        Assert.Contains(title, WebUtility.HtmlDecode(html));
        Assert.Matches("<meta name=\"description\" content=\"[^\"]{20,}\"", html);
        Assert.Contains($"<link rel=\"canonical\" href=\"http://localhost{route}\"", html);
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html);
    }

    [Theory]
    [InlineData("/faq/no-such-question")]
    [InlineData("/glossary/no-such-term")]
    [InlineData("/guides/no-such-guide")]
    public async Task UnknownSlugGivesTheNotFoundPage(string route)
    {
        var response = await fixture.Portal.CreateClient().GetAsync(route, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task FaqIndexListsEveryQuestionUnderItsCategory()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/faq", Cancel);

        Assert.Equal(23, System.Text.RegularExpressions.Regex.Count(html, "class=\"portal-index-item\""));
        Assert.Contains("OAuth 2.0: tokens", html);
    }

    [Fact]
    public async Task SitemapListsEveryContentPageAsAnAbsoluteUrl()
    {
        var xml = XDocument.Parse(await fixture.Portal.CreateClient().GetStringAsync("/sitemap.xml", Cancel));

        var urls = xml.Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")).Select(e => e.Value).ToList();
        Assert.Contains("http://localhost/faq/invalid-code", urls);
        Assert.Contains("http://localhost/glossary/callback-url", urls);
        Assert.Contains("http://localhost/faq", urls);
        Assert.Equal(urls.Count, urls.Distinct().Count());
    }

    [Fact]
    public async Task EveryStatusLinkOnAContentPageOpensAStatusPage()
    {
        var client = fixture.Portal.CreateClient();
        var statusLinks = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (_, html) in await EveryContentPageAsync(client))
        {
            statusLinks.UnionWith(Regex.Matches(html, "href=\"(/errors/[0-9]+)\"").Select(m => m.Groups[1].Value));
        }

        Assert.Contains("/errors/503", statusLinks);
        foreach (var link in statusLinks)
        {
            var response = await client.GetAsync(link, Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answers {(int)response.StatusCode}");
        }
    }

    /// <summary>A URL quoted in prose ("The correct URL is https://…/authorize2".) must not take the quote into its link.</summary>
    [Fact]
    public async Task NoLinkOnAContentPageTakesInTheQuoteAfterIt()
    {
        foreach (var (url, html) in await EveryContentPageAsync(fixture.Portal.CreateClient()))
        {
            var broken = Regex.Matches(html, "href=\"([^\"]*(?:%22|&quot;|%E2%80%9D))\"").Select(m => m.Groups[1].Value).ToList();
            Assert.True(broken.Count == 0, $"{url}: {string.Join(", ", broken)}");
        }
    }

    /// <summary>
    /// Pages carry <c>&lt;base href="/"&gt;</c>, so a bare <c>href="#rules"</c> would open the home page: the table of
    /// contents, the heading anchors and the current breadcrumb must name their own page.
    /// </summary>
    [Fact]
    public async Task EverySectionLinkOnAPageStaysOnThatPageAndFindsItsSection()
    {
        var client = fixture.Portal.CreateClient();
        var pages = await EveryContentPageAsync(client);
        var stepPage = Regex.Match(pages.Single(p => p.Url == "/troubleshoot/invalid-code").Html, "href=\"(/troubleshoot/invalid-code/[a-z0-9-]+)\"").Groups[1].Value;
        foreach (var extra in new[] { stepPage, "/errors/503", "/troubleshoot/invalid-code/reproduce" })
        {
            pages.Add((extra, await client.GetStringAsync(extra, Cancel)));
        }

        var checkedLinks = 0;
        foreach (var (url, html) in pages)
        {
            Assert.False(html.Contains("href=\"#", StringComparison.Ordinal), $"{url} has a bare #fragment link");
            foreach (Match link in Regex.Matches(html, $"href=\"{Regex.Escape(url)}#([^\"]+)\""))
            {
                Assert.True(html.Contains($"id=\"{link.Groups[1].Value}\"", StringComparison.Ordinal), $"{url}: no section #{link.Groups[1].Value}");
                checkedLinks++;
            }
        }
        Assert.True(checkedLinks > 100, $"only {checkedLinks} section links were checked");
    }

    private static async Task<List<(string Url, string Html)>> EveryContentPageAsync(HttpClient client)
    {
        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml", Cancel));
        var pages = new List<(string, string)>();
        foreach (var url in sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).PathAndQuery))
        {
            pages.Add((url, await client.GetStringAsync(url, Cancel)));
        }
        return pages;
    }

    [Fact]
    public async Task SearchWorksAsAPlainGetWithHighlightedMatches()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/search?q=refesh+tokn", Cancel);

        Assert.Contains("<mark>Refresh</mark>", html);
        Assert.Contains("href=\"/glossary/refresh-token\"", html);
        Assert.Contains("data-testid=\"search-corrections\"", html);
    }

    [Fact]
    public async Task SearchQueryIsNeverRenderedAsMarkup()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", Cancel);

        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task SearchThatFindsNothingIsCountedForTheDashboard()
    {
        const string query = "Quantum Flux   capacitor";
        await fixture.Portal.CreateClient().GetStringAsync($"/search?q={Uri.EscapeDataString(query)}", Cancel);
        await fixture.Portal.CreateClient().GetStringAsync($"/search?q={Uri.EscapeDataString(query)}", Cancel);

        await using var db = fixture.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        var miss = await db.Set<SearchMiss>().SingleAsync(m => m.Query == "quantum flux capacitor", Cancel);
        Assert.Equal(2, miss.Count);
    }
}
