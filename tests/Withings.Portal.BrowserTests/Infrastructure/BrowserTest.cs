using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.BrowserTests.Infrastructure;

/// <summary>
/// Base for browser tests: a fresh browser context per test against a live portal (with its Content Security Policy in
/// force: a violation anywhere fails the test when it ends), console errors collected,
/// an axe accessibility check that every visited page must pass in light and dark mode, and a screenshot of each
/// checked page under <c>artifacts/screenshots/</c> for people to look at.
/// </summary>
public abstract class BrowserTest(BrowserFixture browser, LivePortal portal) : IAsyncLifetime
{
    private static readonly string ScreenshotFolder = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");

    private IBrowserContext? context;

    protected LivePortal Portal { get; } = portal;

    protected IPage Page { get; private set; } = null!;

    protected List<string> ConsoleErrors { get; } = [];

    /// <summary>Every Content Security Policy violation reported in any context of the test (pages of other contexts too).</summary>
    protected List<string> CspViolations { get; } = [];

    /// <summary>The viewport of the test's page; a phone's width (390 px) for the tests that visit pages as a customer on a phone would.</summary>
    protected virtual ViewportSize? Viewport => null;

    /// <summary>Reports CSP violations to the console, where <see cref="Watch"/> collects them (Chromium's own message says less).</summary>
    private const string CspReporter =
        "document.addEventListener('securitypolicyviolation', e => console.error(" +
        "'CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    public async ValueTask InitializeAsync()
    {
        context = await NewContextAsync();
        Page = await context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add(message.Text);
            }
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
        Assert.True(CspViolations.Count == 0, $"Content Security Policy violations:\n{string.Join("\n", CspViolations)}");
    }

    /// <summary>Another browser context: its own cookies, as a second person (e.g. a customer opening a support link).</summary>
    protected async Task<IBrowserContext> NewContextAsync(bool javaScript = true)
    {
        var created = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Portal.BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = Viewport,
        });
        await Watch(created);
        return created;
    }

    private async Task Watch(IBrowserContext watched)
    {
        await watched.AddInitScriptAsync(CspReporter);
        watched.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) ||
                message.Text.StartsWith("CSP violation", StringComparison.Ordinal)))
            {
                lock (CspViolations)
                {
                    CspViolations.Add($"{message.Location}: {message.Text}");
                }
            }
        };
    }

    /// <summary>Sets the theme cookie the portal's toggle would set.</summary>
    protected Task UseThemeAsync(string theme) =>
        Page.Context.AddCookiesAsync([new Cookie { Name = "portal-theme", Value = theme, Url = Portal.BaseAddress.ToString() }]);

    /// <summary>Waits until an interactive island on the page has its circuit (clicks before that are lost).</summary>
    protected Task WaitForInteractivityAsync(string islandSelector = "[data-interactive=true]") =>
        Page.Locator(islandSelector).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

    /// <summary>Loads <paramref name="path"/> in light and in dark mode and fails on serious or critical axe violations.</summary>
    protected async Task AssertAccessibleInBothThemesAsync(string path, string name)
    {
        foreach (var theme in new[] { "light", "dark" })
        {
            await UseThemeAsync(theme);
            await Page.GotoAsync(path);
            await AssertAccessibleAsync($"{name}-{theme}");
        }
    }

    /// <summary>Runs axe on the current page and saves a screenshot.</summary>
    protected async Task AssertAccessibleAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });

        var results = await Page.RunAxe();
        var blocking = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(blocking.Count == 0, $"Accessibility violations on {name} ({Page.Url}):\n{string.Join("\n", blocking)}");
    }
}
