using Microsoft.Playwright;
using Withings.Portal.BrowserTests.Infrastructure;

namespace Withings.Portal.BrowserTests.Content;

public class HelpContentTests(BrowserFixture browser, LivePortal portal) : BrowserTest(browser, portal), IClassFixture<LivePortal>
{
    [Fact]
    public async Task MisspeltSearchLeadsToTheAnswerAndTheVoteIsKept()
    {
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the portal" }).FillAsync("refesh tokn");
        await Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the portal" }).PressAsync("Enter");

        await Page.Locator(".portal-search-result").First.WaitForAsync();
        Assert.Contains("refresh", await Page.Locator("[data-testid=search-corrections]").InnerTextAsync());
        await AssertAccessibleAsync("search-typo");

        await Page.Locator(".portal-search-title", new() { HasText = "Refresh token" }).First.ClickAsync();
        await Page.WaitForURLAsync("**/glossary/refresh-token");
        // Enhanced navigation updates the address before it swaps the page content: wait for the new page itself.
        await Page.Locator("h1", new() { HasTextString = "Refresh token" }).WaitForAsync();

        await Page.GetByLabel("What were you looking for? (optional)").FillAsync("How long it lives <b>exactly</b>");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes" }).ClickAsync();
        await Page.Locator("[data-testid=feedback-answer]").WaitForAsync();

        await Page.ReloadAsync();

        Assert.Contains("helpful", await Page.Locator("[data-testid=feedback-answer]").InnerTextAsync());
        Assert.Equal("How long it lives <b>exactly</b>", await Page.Locator("[data-testid=feedback-comment]").InnerTextAsync());
        await AssertAccessibleAsync("glossary-after-vote");
        Assert.Empty(ConsoleErrors);
    }

    [Theory]
    [InlineData("/search?q=nonce", "search-page-q", "Search")]
    [InlineData("/errors", "errors-code", "Go")]
    [InlineData("/troubleshoot/invalid-refresh-token/start", "step-link", "Copy")]
    public async Task AButtonBesideAnInputKeepsItsLabelOnOneLine(string path, string inputId, string label)
    {
        await Page.SetViewportSizeAsync(1280, 900);
        await Page.GotoAsync(path);

        var button = Page.Locator($"#{inputId} ~ button").GetByText(label, new() { Exact = true });
        await button.WaitForAsync(); // the Copy button shows once the page's script runs
        var box = await button.BoundingBoxAsync();
        var lineHeight = await button.EvaluateAsync<float>("b => parseFloat(getComputedStyle(b).lineHeight)");

        Assert.NotNull(box);
        // A medium button is one line of text plus its padding; a wrapped label doubles the text part.
        Assert.True(box.Height < 2 * lineHeight + 8, $"the {label} button is {box.Height} px high for a {lineHeight} px line");
    }

    [Theory]
    [InlineData("/faq", "faq-index")]
    [InlineData("/faq/redirect-uri-mismatch", "faq-page")]
    [InlineData("/glossary", "glossary-index")]
    [InlineData("/guides/oauth2-get-your-access-token", "guide-page")]
    [InlineData("/search?q=redirect+uri", "search-results")]
    public async Task HelpPagesAreAccessibleInBothThemes(string path, string name)
    {
        await AssertAccessibleInBothThemesAsync(path, name);
    }

    [Theory]
    [InlineData("/glossary/notification")]
    [InlineData("/glossary/measure-type")]
    public async Task OnAPhoneATablesOneWordColumnHeadersStayWhole(string path)
    {
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync(path);

        // The line boxes of each one-word header's text: more than one is a word broken in two.
        var broken = await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.portal-content th')]
                .filter(th => !/\s/.test(th.textContent.trim()))
                .filter(th => { const range = document.createRange(); range.selectNodeContents(th); return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1; })
                .map(th => th.textContent.trim())
            """);

        Assert.Empty(broken);
    }

    [Fact]
    public async Task TheTableOfContentsLinksAreTargetsAFingerCanHit()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync("/guides/oauth2-get-your-access-token");

        var boxes = await Page.EvaluateAsync<double[][]>("""
            () => [...document.querySelectorAll('.portal-toc a')].map(a => { const r = a.getBoundingClientRect(); return [r.top, r.bottom]; })
            """);

        Assert.True(boxes.Length > 3);
        Assert.All(boxes, box => Assert.True(box[1] - box[0] >= 24, $"a link is {box[1] - box[0]} px tall"));
        Assert.All(boxes.Zip(boxes.Skip(1)), pair => Assert.True(pair.Second[0] >= pair.First[1], "two links overlap"));
    }

    [Fact]
    public async Task EachCodeBlockOfAGuideCopiesItsCode()
    {
        await Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await Page.GotoAsync("/guides/oauth2-get-your-access-token");
        var blocks = Page.Locator(".portal-content pre");
        var buttons = Page.GetByRole(AriaRole.Button, new() { Name = "Copy this code" });
        await buttons.First.WaitForAsync();

        Assert.True(await blocks.CountAsync() >= 2);
        Assert.Equal(await blocks.CountAsync(), await buttons.CountAsync());
        await buttons.Nth(1).ClickAsync();
        await Assertions.Expect(buttons.Nth(1)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("copied"));
        Assert.Equal(await blocks.Nth(1).TextContentAsync(), await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task HelpPagesOpenNoWebSocket()
    {
        var sockets = new List<string>();
        Page.WebSocket += (_, socket) => sockets.Add(socket.Url);

        await Page.GotoAsync("/faq/invalid-code", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Page.GetByRole(AriaRole.Link, new() { Name = "Glossary" }).First.ClickAsync();
        await Page.WaitForURLAsync("**/glossary");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(sockets);
    }
}
