using Microsoft.Playwright;
using Withings.Portal.BrowserTests.Infrastructure;

namespace Withings.Portal.BrowserTests.Troubleshooting;

/// <summary>A reader walks a topic's steps, runs a live check and "Reproduce it", on static pages with no circuit.</summary>
public class TopicPageTests(BrowserFixture browser, LivePortal portal) : BrowserTest(browser, portal), IClassFixture<LivePortal>
{
    [Fact]
    public async Task ClickingAnswersWalksToAFixAndTheOutcomeIsThanked()
    {
        var sockets = new List<string>();
        Page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        await Page.GotoAsync("/troubleshoot/invalid-code");
        await AssertVisitedPageAccessibleAsync("topic-start");

        await AnswerAsync("The code exchange: POST /v2/oauth2 with grant_type=authorization_code", "code-age");
        await AnswerAsync("30 seconds or less", "reused");
        await AnswerAsync("No, exactly one exchange per code", "mangled");
        await AnswerAsync("Yes, byte for byte", "fix-same-app");

        Assert.Equal("Same app, same redirect_uri", await Page.Locator("#current-step").InnerTextAsync());
        Assert.Equal(4, await Page.Locator(".portal-trail li").CountAsync());
        Assert.EndsWith("/troubleshoot/invalid-code/fix-same-app", await Page.Locator("#step-link").InputValueAsync());
        Assert.True(await Page.Locator("button[data-copy-target=step-link]").IsVisibleAsync());

        await Page.GetByRole(AriaRole.Button, new() { Name = "This fixed it" }).ClickAsync();
        await Page.Locator("[data-testid=outcome-thanks]").WaitForAsync();
        await AssertVisitedPageAccessibleAsync("topic-outcome-fixed");

        Assert.DoesNotContain(sockets, url => url.Contains("/_blazor", StringComparison.Ordinal));
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task AfterAnAnswerFocusIsOnTheNextQuestionOrTheFixInView()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync("/troubleshoot/invalid-code");
        await Page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        await Page.GetByRole(AriaRole.Link, new() { Name = "The code exchange: POST /v2/oauth2 with grant_type=authorization_code", Exact = true }).ClickAsync();
        await Page.Locator("[data-step=code-age]").WaitForAsync();
        await Assertions.Expect(Page.Locator("[data-step=code-age] #current-step")).ToBeFocusedAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "More than 30 seconds", Exact = true }).ClickAsync();
        await Page.Locator("[data-step=fix-expired]").WaitForAsync();
        await Assertions.Expect(Page.Locator("#current-step")).ToBeFocusedAsync();
        await Assertions.Expect(Page.Locator("#current-step")).ToBeInViewportAsync();
        await AssertAccessibleAsync("topic-step-focused-390");
    }

    [Fact]
    public async Task CodeAgeCheckAnswersTheQuestionAndLeadsToTheFix()
    {
        await Page.GotoAsync("/troubleshoot/invalid-code?status=503&endpoint=token");
        await Page.Locator("[data-step=code-age]").WaitForAsync();
        await AssertVisitedPageAccessibleAsync("topic-prefilled");

        await Page.GetByLabel("When your callback received the code").FillAsync("12:00:01");
        await Page.GetByLabel("When you exchanged it").FillAsync("12:00:47.200");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check the age" }).ClickAsync();
        await Page.Locator("[data-testid=check-decided]").WaitForAsync();

        Assert.Contains("46.2 s old", await Page.Locator("[data-testid=check-result]").InnerTextAsync());
        // The answer comes with a full page load: focus is put on it, so a screen reader reads it.
        await Assertions.Expect(Page.Locator("[data-testid=check-result]")).ToBeFocusedAsync();
        Assert.Equal("12:00:47.200", await Page.GetByLabel("When you exchanged it").InputValueAsync());
        await AssertVisitedPageAccessibleAsync("topic-check-result");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Continue: Exchange at once" }).ClickAsync();
        await Page.Locator("[data-step=fix-expired]").WaitForAsync();
        Assert.Equal(2, await Page.Locator(".portal-trail li").CountAsync());
        await AssertVisitedPageAccessibleAsync("topic-fix-after-check");
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task RequestCheckRefusesAPasteTooLongForAnAddressWithItsOwnMessage()
    {
        await Page.GotoAsync("/troubleshoot/invalid-grant-type");
        var before = Page.Url;

        await Page.Locator("#check-request").FillAsync(string.Concat(Enumerable.Repeat("curl -d 'a=b&c=d' ", 6_000)));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check the request" }).ClickAsync();
        await Page.Locator("[data-testid=check-too-long]").WaitForAsync();

        Assert.Contains("That is 108000 characters; this check reads at most 2000.", await Page.Locator("[data-testid=check-too-long]").InnerTextAsync());
        Assert.Equal(before, Page.Url);
        Assert.Equal("true", await Page.Locator("#check-request").GetAttributeAsync("aria-invalid"));
    }

    [Fact]
    public async Task RequestCheckKeepsBadInputAndSaysWhatToPaste()
    {
        await Page.GotoAsync("/troubleshoot/invalid-grant-type");
        await AssertVisitedPageAccessibleAsync("topic-request-check");

        await Page.GetByLabel("The request: a curl command, a raw HTTP request or a URL (up to 2000 characters)").FillAsync("my token call fails");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check the request" }).ClickAsync();
        await Page.Locator("[data-testid=check-result]").WaitForAsync();

        Assert.Contains("No request found", await Page.Locator("[data-testid=check-result]").InnerTextAsync());
        Assert.Equal("my token call fails", await Page.Locator("#check-request").InputValueAsync());
        await AssertVisitedPageAccessibleAsync("topic-check-bad-input");
    }

    [Fact]
    public async Task SeenElsewhereLinksThePublicThreadsOnAPhoneToo()
    {
        await Page.GotoAsync("/troubleshoot/redirect-uri-mismatch");
        var threads = Page.Locator("[data-testid=seen-elsewhere] li");
        await threads.First.WaitForAsync();
        await AssertVisitedPageAccessibleAsync("topic-seen-elsewhere");

        await Page.SetViewportSizeAsync(390, 844);
        await Page.Locator("[data-testid=seen-elsewhere]").ScrollIntoViewIfNeededAsync();
        await AssertAccessibleAsync("topic-seen-elsewhere-390");

        Assert.InRange(await threads.CountAsync(), 1, 3);
        Assert.StartsWith("https://", await threads.First.Locator("a").GetAttributeAsync("href"));
        Assert.Contains("fixed by:", await threads.First.InnerTextAsync());
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task ReproduceItShowsTheFailingAndCorrectedExchanges()
    {
        foreach (var theme in new[] { "light", "dark" })
        {
            await UseThemeAsync(theme);
            await Page.GotoAsync("/troubleshoot/invalid-refresh-token");
            await AssertAccessibleAsync($"topic-reproducible-{theme}");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Reproduce it" }).ClickAsync();
            await Page.Locator("[data-testid=reproduce-verdict]").WaitForAsync();

            Assert.Contains("The failing call gave the error and the corrected call worked", await Page.Locator("[data-testid=reproduce-verdict]").InnerTextAsync());
            Assert.Equal("HTTP 200, status 503", await Page.Locator("[data-testid=failing-status]").InnerTextAsync());
            Assert.Equal("HTTP 200, status 0", await Page.Locator("[data-testid=corrected-status]").InnerTextAsync());
            Assert.Contains("<client_secret>", await Page.Locator("#failing-curl").InnerTextAsync());
            Assert.True(await Page.Locator("button[data-copy-target=failing-curl]").IsVisibleAsync());
            await AssertAccessibleAsync($"topic-reproduce-{theme}");
        }
        Assert.Empty(ConsoleErrors);
    }

    private async Task AnswerAsync(string answer, string nextStep)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = answer, Exact = true }).ClickAsync();
        // Enhanced navigation updates the address before it swaps the content: wait for the step itself.
        await Page.Locator($"[data-step={nextStep}]").WaitForAsync();
        await AssertVisitedPageAccessibleAsync($"topic-step-{nextStep}");
    }

    /// <summary>The page the browser is on (a GET address), checked in light and dark mode.</summary>
    private Task AssertVisitedPageAccessibleAsync(string name) =>
        AssertAccessibleInBothThemesAsync(new Uri(Page.Url).PathAndQuery, name);
}
