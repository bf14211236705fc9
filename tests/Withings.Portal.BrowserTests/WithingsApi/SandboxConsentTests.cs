using Microsoft.Playwright;
using Withings.Portal.BrowserTests.Infrastructure;

namespace Withings.Portal.BrowserTests.WithingsApi;

/// <summary>The embedded sandbox's authorize2 consent page, as an integrator's browser sees it.</summary>
public class SandboxConsentTests(BrowserFixture browser, LivePortal portal) : BrowserTest(browser, portal), IClassFixture<LivePortal>
{
    private const string Callback = "http://localhost/playground/callback";

    private static string Authorize(string extra = "") =>
        "/sandbox/account/oauth2_user/authorize2?response_type=code&client_id=withings-developer-portal&scope=user.metrics,user.activity" +
        $"&state=xyz&redirect_uri={Uri.EscapeDataString(Callback)}{extra}";

    [Fact]
    public async Task ConsentWithoutJavaScriptRedirectsToTheCallbackWithACodeForTheDemoUser()
    {
        var context = await NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        string? redirected = null;
        await page.RouteAsync($"{Callback}**", async route =>
        {
            redirected = route.Request.Url;
            await route.FulfillAsync(new() { Status = 200, Body = "callback reached", ContentType = "text/plain" });
        });

        await page.GotoAsync(Authorize());
        Assert.True(await page.GetByRole(AriaRole.Radio, new() { Checked = true }).First.IsVisibleAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow this app" }).ClickAsync();
        await page.WaitForURLAsync($"{Callback}**");

        Assert.NotNull(redirected);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(redirected!).Query);
        Assert.False(string.IsNullOrEmpty(query["code"]));
        Assert.Equal("xyz", query["state"]);
        await context.DisposeAsync();
    }

    [Fact]
    public async Task ConsentPageIsAccessibleInBothThemes()
    {
        await AssertAccessibleInBothThemesAsync(Authorize(), "sandbox-consent");
    }

    [Fact]
    public async Task InsideThePortalTheConsentPageIsTheSandboxsOwnDocumentWithoutThePortalsLayoutScriptsOrAntiforgery()
    {
        await Page.GotoAsync(Authorize());

        Assert.Equal("Allow Developer portal (restricted mode) to access your Withings data", await Page.TitleAsync());
        Assert.Equal(0, await Page.Locator("script").CountAsync());
        Assert.Equal(0, await Page.Locator("link[rel=stylesheet]").CountAsync());
        Assert.Equal(0, await Page.Locator("input[name=__RequestVerificationToken]").CountAsync());
        Assert.DoesNotContain(await Page.Context.CookiesAsync(), cookie => cookie.Name.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnregisteredRedirectUriShowsTheRedirectUriMismatchError()
    {
        await Page.GotoAsync(Authorize().Replace(Uri.EscapeDataString(Callback), Uri.EscapeDataString("https://evil.example/cb"), StringComparison.Ordinal));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Allow this app" }).ClickAsync();

        Assert.Contains("redirect_uri_mismatch", await Page.ContentAsync());
    }
}
