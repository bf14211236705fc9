using Microsoft.Playwright;
using Withings.Portal.BrowserTests.Infrastructure;

namespace Withings.Portal.BrowserTests.Shell;

public class ShellTests(BrowserFixture browser, LivePortal portal) : BrowserTest(browser, portal), IClassFixture<LivePortal>
{
    [Fact]
    public async Task HomePageRendersAndIsAccessibleInBothThemes()
    {
        var response = await Page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        Assert.Equal("Withings Developer Portal", await Page.Locator("h1").InnerTextAsync());
        Assert.True(await Page.Locator(".mud-appbar").IsVisibleAsync());
        await AssertAccessibleInBothThemesAsync("/", "home");
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task DarkModeToggleSwitchesAndIsRemembered()
    {
        await Page.GotoAsync("/");
        var lightBackground = await BodyBackgroundAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" }).WaitForAsync();

        Assert.NotEqual(lightBackground, await BodyBackgroundAsync());
        Assert.Equal("dark", await Page.Locator("meta[name=color-scheme]").GetAttributeAsync("content"));

        await Page.GotoAsync("/no-such-page");
        Assert.Equal("dark", await Page.Locator("meta[name=color-scheme]").GetAttributeAsync("content"));

        await Page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).WaitForAsync();
        Assert.Equal(lightBackground, await BodyBackgroundAsync());
        Assert.EndsWith("/no-such-page", Page.Url);
    }

    [Fact]
    public async Task ASystemInDarkModeGetsTheDarkThemeUntilTheReaderChoosesLight()
    {
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Page.GotoAsync("/");

        Assert.Equal("rgb(22, 27, 34)", await BodyBackgroundAsync());
        await AssertAccessibleAsync("home-system-dark");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).WaitForAsync();
        Assert.Equal("light", await Page.Locator("meta[name=color-scheme]").GetAttributeAsync("content"));
        var chosenLight = await BodyBackgroundAsync();
        Assert.NotEqual("rgb(22, 27, 34)", chosenLight);

        await Page.GotoAsync("/faq");
        Assert.Equal(chosenLight, await BodyBackgroundAsync());
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task UnknownUrlShowsTheNotFoundPageWith404()
    {
        var response = await Page.GotoAsync("/faq/this-question-does-not-exist");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await Page.Locator("h1").InnerTextAsync());
        await AssertAccessibleInBothThemesAsync("/faq/this-question-does-not-exist", "not-found");
    }

    [Fact]
    public async Task HelpPageOpensNoWebSocket()
    {
        var sockets = new List<string>();
        Page.WebSocket += (_, socket) => sockets.Add(socket.Url);

        await Page.GotoAsync("/faq", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Page.WaitForTimeoutAsync(500);

        Assert.DoesNotContain(sockets, url => url.Contains("/_blazor", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/troubleshoot")]
    [InlineData("/cases/new")]
    public async Task PagesWithThePasteBoxOpenNoWebSocketEvenAfterAPaste(string path)
    {
        var sockets = new List<string>();
        Page.WebSocket += (_, socket) => sockets.Add(socket.Url);

        await Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Page.GetByLabel("What you saw").FillAsync("{\"status\":601,\"error\":\"Too many requests\"}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Diagnose" }).ClickAsync();
        await Page.Locator("[data-testid=diagnosis]").WaitForAsync();
        await Page.WaitForTimeoutAsync(500);

        Assert.DoesNotContain(sockets, url => url.Contains("/_blazor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADoubleClickOnAFormsButtonSendsOnePostAndTheFormWorksAgainAfterIt()
    {
        var posts = 0;
        Page.Request += (_, request) => posts += request.Method == "POST" && request.Url.EndsWith("/troubleshoot", StringComparison.Ordinal) ? 1 : 0;
        await Page.GotoAsync("/troubleshoot", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Page.GetByLabel("What you saw").FillAsync("{\"status\":601,\"error\":\"Too many requests\"}");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Diagnose" }).DblClickAsync();
        await Page.Locator("[data-testid=diagnosis]").WaitForAsync();
        await Page.WaitForTimeoutAsync(500);

        Assert.Equal(1, posts);
        await Page.GetByLabel("What you saw").FillAsync("{\"status\":503,\"error\":\"Invalid Params: invalid code\"}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Diagnose" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".portal-diagnosis-item").First).ToHaveAttributeAsync("data-topic", "invalid-code");
        Assert.Equal(2, posts);
    }

    [Fact]
    public async Task ContentSecurityPolicyIsInForceAndItsViolationsAreCaught()
    {
        await Page.GotoAsync("/");
        var ran = await Page.EvaluateAsync<bool>("""
            () => {
                window.injectedRan = false;
                const script = document.createElement('script');
                script.textContent = 'window.injectedRan = true';
                document.body.appendChild(script);
                return window.injectedRan;
            }
            """);
        await Page.WaitForTimeoutAsync(200);

        Assert.False(ran);
        Assert.Contains(CspViolations, v => v.Contains("script-src", StringComparison.Ordinal));
        // This violation was the point of the test; any other fails it when it ends.
        CspViolations.Clear();
    }

    [Fact]
    public async Task AFreshPageLeavesFocusAloneSoTheFirstTabReachesTheSkipLink()
    {
        await Page.GotoAsync("/faq");
        await Page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        Assert.Equal("BODY", await Page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task TheSkipLinkPutsFocusInTheMainContentSoTheNextTabReachesThePage()
    {
        await Page.GotoAsync("/troubleshoot");
        await Page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Page.Locator("#main-content")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        Assert.True(await Page.EvaluateAsync<bool>("() => document.getElementById('main-content').contains(document.activeElement)"),
            "the Tab after the skip link left the main content");
    }

    [Fact]
    public async Task ShowMoreSearchResultsPutsFocusOnTheFirstNewResult()
    {
        await Page.GotoAsync("/search?q=token");
        await Page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Show 10 more" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Page.WaitForURLAsync("**#result-11");
        await Assertions.Expect(Page.Locator("#result-11")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task TheThemeToggleKeepsKeyboardFocusAfterTheSwitch()
    {
        await Page.GotoAsync("/faq");
        await Page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task FollowingALinkPutsFocusOnTheNewPagesHeading()
    {
        await Page.GotoAsync("/faq");
        await Page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Glossary" }).ClickAsync();

        await Page.WaitForURLAsync("**/glossary");
        await Assertions.Expect(Page.Locator("#main-content h1")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task ThePhoneMenuMarksTheCurrentPageAndClosesOnEscapeWhenFocusLeavesAndOnATapOutside()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync("/faq");
        await Page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        var menu = Page.Locator("details.portal-small-menu");
        var summary = menu.Locator("summary");

        Assert.Equal("page", await menu.Locator("a[href='/faq']").GetAttributeAsync("aria-current"));
        Assert.Equal(1, await menu.Locator("a[aria-current]").CountAsync());

        // Escape closes it and puts focus back on its button.
        await summary.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.Keyboard.PressAsync("Tab");
        Assert.True(await IsOpenAsync(menu));
        await AssertAccessibleAsync("small-menu-open-390");
        await Page.Keyboard.PressAsync("Escape");
        Assert.False(await IsOpenAsync(menu));
        await Assertions.Expect(summary).ToBeFocusedAsync();

        // Tabbing past its last link closes it, so it does not cover what gets focus next.
        await Page.Keyboard.PressAsync("Enter");
        foreach (var _ in Withings.Portal.Components.Layout.NavItems.All)
        {
            await Page.Keyboard.PressAsync("Tab");
        }
        Assert.True(await IsOpenAsync(menu));
        await Page.Keyboard.PressAsync("Tab");
        Assert.False(await IsOpenAsync(menu));

        // A tap on the page outside it closes it.
        await summary.ClickAsync();
        Assert.True(await IsOpenAsync(menu));
        var heading = Page.Locator("#main-content h1");
        var width = (await heading.BoundingBoxAsync())!.Width;
        await heading.ClickAsync(new() { Position = new() { X = width - 10, Y = 10 } });
        Assert.False(await IsOpenAsync(menu));
    }

    private static Task<bool> IsOpenAsync(ILocator details) => details.EvaluateAsync<bool>("d => d.open");

    [Fact]
    public async Task KeyboardFocusShowsOnAFilledButton()
    {
        await Page.GotoAsync("/troubleshoot/invalid-code");
        var reproduce = Page.GetByRole(AriaRole.Button, new() { Name = "Reproduce it" });

        // Focus moved by the keyboard (Tab from the element before), as :focus-visible requires.
        await reproduce.EvaluateAsync("b => { const all = [...document.querySelectorAll('a, button')]; all[all.indexOf(b) - 1].focus(); }");
        await Page.Keyboard.PressAsync("Tab");

        Assert.True(await reproduce.EvaluateAsync<bool>("b => document.activeElement === b"));
        Assert.NotEqual("none", await reproduce.EvaluateAsync<string>("b => getComputedStyle(b).outlineStyle"));
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task AnAnchoredSectionLandsBelowTheAppBar(int width, int height)
    {
        await Page.SetViewportSizeAsync(width, height);

        await Page.GotoAsync("/troubleshoot/invalid-code#causes");

        var barBottom = await Page.Locator(".mud-appbar").EvaluateAsync<double>("e => e.getBoundingClientRect().bottom");
        var sectionTop = await Page.Locator("#causes").EvaluateAsync<double>("e => e.getBoundingClientRect().top");
        Assert.True(sectionTop >= barBottom, $"the section starts at {sectionTop} px, under the app bar ending at {barBottom} px");
    }

    [Fact]
    public async Task ALinkInTheTableOfContentsScrollsToItsSectionOnTheSamePage()
    {
        await Page.GotoAsync("/glossary/callback-url");
        await Page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "On this page" }).GetByRole(AriaRole.Link, new() { Name = "Rules" }).ClickAsync();

        await Page.WaitForURLAsync("**/glossary/callback-url#rules");
        Assert.Equal("Callback URL", (await Page.Locator("h1").InnerTextAsync())[..12]);
        var sectionTop = await Page.Locator("#rules").EvaluateAsync<double>("e => e.getBoundingClientRect().top");
        Assert.InRange(sectionTop, 0, 300);
    }

    private Task<string> BodyBackgroundAsync() =>
        Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
