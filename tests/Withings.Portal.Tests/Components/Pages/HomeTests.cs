using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Components.Pages;

public class HomeTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HomePageHostsThePasteBoxFirstThenTheWaysIn()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/", Cancel);

        var paste = html.IndexOf("class=\"portal-paste\"", StringComparison.Ordinal);
        var waysIn = html.IndexOf("id=\"ways-in-title\"", StringComparison.Ordinal);
        Assert.InRange(paste, 0, waysIn);
        Assert.Contains("data-interactive=\"false\"", html);
        Assert.Contains("<!--Blazor:{\"type\":\"server\"", html);
        foreach (var route in new[] { "/troubleshoot", "/faq", "/guides", "/errors", "/glossary" })
        {
            Assert.Contains($"href=\"{route}\"", html);
        }
    }

    [Fact]
    public async Task HomePageIsNotServedFromTheCache()
    {
        var client = fixture.Portal.CreateClient();

        await client.GetAsync("/", Cancel);
        var second = await client.GetAsync("/", Cancel);

        Assert.False(second.Headers.Contains("Age"));
    }
}
