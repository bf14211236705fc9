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
        Assert.Contains("name=\"paste-text\"", html);
        foreach (var route in new[] { "/troubleshoot", "/faq", "/guides", "/errors", "/glossary" })
        {
            Assert.Contains($"href=\"{route}\"", html);
        }
    }

    [Fact]
    public async Task HomePageIsServedFromTheCacheSinceItHoldsNothingPersonal()
    {
        var client = fixture.Portal.CreateClient();

        await client.GetAsync("/", Cancel);
        var second = await client.GetAsync("/", Cancel);

        Assert.True(second.Headers.Contains("Age"));
    }
}
