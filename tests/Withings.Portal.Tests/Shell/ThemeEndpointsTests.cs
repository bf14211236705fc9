using System.Net;
using System.Text.RegularExpressions;
using Withings.Portal.Components.Layout;
using Withings.Portal.Shell;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Shell;

public class ThemeEndpointsTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task ChoosingDarkSetsALongLivedCookieAndGoesBack()
    {
        var client = fixture.Portal.CreateBrowserLikeClient();

        var response = await client.PostAsync("/theme", Form(("theme", "dark"), ("returnUrl", "/not-found?x=1")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/not-found?x=1", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{ThemePreference.CookieName}=dark", cookie);
        Assert.Contains("max-age=31536000", cookie);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task ReturnUrlOffTheSiteGoesHome(string returnUrl)
    {
        var client = fixture.Portal.CreateBrowserLikeClient();

        var response = await client.PostAsync("/theme", Form(("theme", "light"), ("returnUrl", returnUrl)), TestContext.Current.CancellationToken);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PostFromAnotherSiteIsRefused()
    {
        var client = fixture.Portal.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/theme") { Content = Form(("theme", "dark")) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task DarkCookieRendersTheDarkThemeAndTheLightSwitch()
    {
        var client = fixture.Portal.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{ThemePreference.CookieName}=dark");

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("""<meta name="color-scheme" content="dark" />""", html);
        Assert.Contains("""name="theme" value="light" """.TrimEnd(), html);
        Assert.Contains("Switch to light mode", html);
        Assert.DoesNotContain(SystemDarkPalette.MediaQuery, html);
    }

    [Fact]
    public async Task WithoutAChoiceThePageCarriesTheDarkPaletteForASystemInDarkMode()
    {
        var html = await fixture.Portal.CreateBrowserLikeClient().GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("""<meta name="color-scheme" content="light dark" />""", html);
        var darkSheet = Regex.Match(html, """<style media="\(prefers-color-scheme: dark\)">(.*?)</style>""", RegexOptions.Singleline);
        Assert.True(darkSheet.Success, "no style sheet for a system in dark mode");
        // The dark palette's own colours, as the toggle's dark mode writes them; nothing but colours.
        Assert.Contains("--mud-palette-background: rgba(22,27,34,1);", darkSheet.Groups[1].Value);
        Assert.Contains("--mud-palette-text-primary: rgba(232,237,243,1);", darkSheet.Groups[1].Value);
        Assert.DoesNotContain("--mud-typography", darkSheet.Groups[1].Value);
    }

    [Fact]
    public async Task LightCookieRendersTheLightThemeOnly()
    {
        var client = fixture.Portal.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{ThemePreference.CookieName}=light");

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("""<meta name="color-scheme" content="light" />""", html);
        Assert.DoesNotContain(SystemDarkPalette.MediaQuery, html);
        Assert.Contains("Switch to dark mode", html);
        Assert.DoesNotContain("Switch to light mode", html);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
