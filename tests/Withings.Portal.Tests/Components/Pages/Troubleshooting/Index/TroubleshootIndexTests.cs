using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Tests.Troubleshooting;

namespace Withings.Portal.Tests.Components.Pages.Troubleshooting.Index;

public class TroubleshootIndexTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task IndexHasThePasteBoxAndLinksEveryTopicUnderItsCategory()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/troubleshoot", TestContext.Current.CancellationToken);

        Assert.Contains("<h1", html);
        Assert.Contains("class=\"portal-paste\"", html);
        foreach (var topic in TopicFiles.Catalog.Topics)
        {
            var category = html.IndexOf($"id=\"category-{topic.Meta.Category}\"", StringComparison.Ordinal);
            var link = html.IndexOf($"href=\"/troubleshoot/{topic.Id}\"", StringComparison.Ordinal);
            Assert.True(category >= 0 && link > category, $"{topic.Id} should be listed under {topic.Meta.Category}");
        }
        Assert.True(html.IndexOf("id=\"category-app-setup\"", StringComparison.Ordinal) < html.IndexOf("id=\"category-connectivity\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TroubleshooterIsInTheNavigationAndTheSitemap()
    {
        var client = fixture.Portal.CreateClient();

        var faq = await client.GetStringAsync("/faq", TestContext.Current.CancellationToken);
        var sitemap = await client.GetStringAsync("/sitemap.xml", TestContext.Current.CancellationToken);

        Assert.Contains("href=\"/troubleshoot\"", faq);
        Assert.Contains("/troubleshoot</loc>", sitemap);
    }
}
