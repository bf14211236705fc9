using Withings.Portal.Shell;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Shell;

/// <summary>Help pages are served from the output cache; the traps that silently disable it are guarded here.</summary>
public class HelpPageCachingTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task SecondRequestIsServedFromTheCacheWithoutACookie()
    {
        var client = fixture.Portal.CreateBrowserLikeClient();
        await client.GetAsync("/faq?caching=1", TestContext.Current.CancellationToken);

        var second = await client.GetAsync("/faq?caching=1", TestContext.Current.CancellationToken);

        Assert.True(second.Headers.Contains("Age"), "the second response should come from the output cache");
        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.Equal(HelpPageCachePolicy.SharedCacheControl, second.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task FirstResponseAlreadyDropsTheAntiforgeryCookie()
    {
        var response = await fixture.Portal.CreateBrowserLikeClient().GetAsync("/faq?caching=2", TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.False(response.Headers.Contains("Pragma"));
    }

    [Fact]
    public async Task LightAndDarkPagesAreCachedSeparately()
    {
        var light = fixture.Portal.CreateBrowserLikeClient();
        var dark = fixture.Portal.CreateBrowserLikeClient();
        dark.DefaultRequestHeaders.Add("Cookie", $"{ThemePreference.CookieName}=dark");
        await light.GetStringAsync("/faq?caching=3", TestContext.Current.CancellationToken);

        var darkHtml = await dark.GetStringAsync("/faq?caching=3", TestContext.Current.CancellationToken);

        Assert.Contains("content=\"dark\"", darkHtml);
    }

    [Fact]
    public async Task APageThatFollowsTheSystemIsCachedApartFromAChosenLightOne()
    {
        var notChosen = fixture.Portal.CreateBrowserLikeClient();
        var light = fixture.Portal.CreateBrowserLikeClient();
        light.DefaultRequestHeaders.Add("Cookie", $"{ThemePreference.CookieName}=light");
        await notChosen.GetStringAsync("/faq?caching=system-vs-light", TestContext.Current.CancellationToken);

        var lightHtml = await light.GetStringAsync("/faq?caching=system-vs-light", TestContext.Current.CancellationToken);

        Assert.Contains("content=\"light\"", lightHtml);
    }

    [Fact]
    public async Task PersonalCookieBypassesTheCache()
    {
        var client = fixture.Portal.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{HelpPageCachePolicy.PersonalCookiePrefix}vote=abc");
        await client.GetAsync("/faq?caching=4", TestContext.Current.CancellationToken);

        var second = await client.GetAsync("/faq?caching=4", TestContext.Current.CancellationToken);

        Assert.False(second.Headers.Contains("Age"));
        Assert.False(second.Headers.CacheControl?.Public ?? false);
    }

    [Fact]
    public async Task EnhancedNavigationHeaderIsLowercaseEvenFromTheCache()
    {
        var client = fixture.Portal.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("Accept", "text/html; blazor-enhanced-nav=on");
        await client.GetAsync("/faq?caching=5", TestContext.Current.CancellationToken);

        var second = await client.GetAsync("/faq?caching=5", TestContext.Current.CancellationToken);

        Assert.True(second.Headers.Contains("Age"));
        Assert.Equal("allow", Assert.Single(second.Headers.GetValues("blazor-enhanced-nav")));
    }

    [Fact]
    public async Task EnhancedNavigationHeaderIsLowercaseFromTheCacheForAPlainNavigationToo()
    {
        // A browser cache, nginx or a CDN may keep this copy and hand it to a later enhanced navigation.
        var client = fixture.Portal.CreateBrowserLikeClient();
        await client.GetAsync("/faq?caching=6", TestContext.Current.CancellationToken);

        var second = await client.GetAsync("/faq?caching=6", TestContext.Current.CancellationToken);

        Assert.True(second.Headers.Contains("Age"));
        Assert.Equal("allow", Assert.Single(second.Headers.GetValues("blazor-enhanced-nav")));
    }
}
