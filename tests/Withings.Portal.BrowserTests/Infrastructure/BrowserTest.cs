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

    /// <summary>A phone's viewport (iPhone 12 to 15): the width support links are opened at.</summary>
    protected static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 720 };

    /// <summary>
    /// Loads <paramref name="path"/> in light and in dark mode, on a desktop and at a phone's width, and fails on serious
    /// or critical axe violations and, on the phone, on anything wider than the screen.
    /// </summary>
    protected async Task AssertAccessibleInBothThemesAsync(string path, string name)
    {
        foreach (var (viewport, suffix) in new[] { (Desktop, ""), (Phone, "-390") })
        {
            await Page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            foreach (var theme in new[] { "light", "dark" })
            {
                await UseThemeAsync(theme);
                await Page.GotoAsync(path);
                await AssertAccessibleAsync($"{name}-{theme}{suffix}");
                if (viewport == Phone)
                {
                    await AssertFitsThePhoneAsync(name);
                }
            }
        }
        await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
    }

    /// <summary>
    /// At a phone's width: nothing wider than the screen (long headings and code wrap), no button or field cut off at
    /// the screen's edge, the app bar's title inside the bar, and the search box wide enough to type in.
    /// </summary>
    protected async Task AssertFitsThePhoneAsync(string name)
    {
        var problems = await Page.EvaluateAsync<string[]>("""
            () => {
                const problems = [];
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth > width + 1) {
                    const wide = [...document.querySelectorAll('.portal-main *, header *')]
                        .filter(e => e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).position !== 'fixed')
                        .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'));
                    problems.push(`page is ${document.documentElement.scrollWidth}px wide on a ${width}px screen: ${wide.join(', ')}`);
                }
                const bar = document.querySelector('.portal-appbar')?.getBoundingClientRect();
                const brand = document.querySelector('.portal-brand')?.getBoundingClientRect();
                if (bar && brand && (brand.bottom > bar.bottom + 1 || brand.right > width + 1)) {
                    problems.push(`the app bar title overflows the bar (title ${brand.top}-${brand.bottom}, bar ${bar.top}-${bar.bottom})`);
                }
                const search = document.querySelector('#appbar-search')?.getBoundingClientRect();
                if (search && search.width < 160) {
                    problems.push(`the search box is ${Math.round(search.width)}px wide`);
                }
                // A card that clips its content keeps the page narrow while a button inside it is cut off.
                for (const control of document.querySelectorAll('.portal-main button, .portal-main input, .portal-main textarea, .portal-main select')) {
                    const box = control.getBoundingClientRect();
                    if (box.width > 0 && box.right > width + 1) {
                        problems.push(`control cut off at the right: ${control.tagName.toLowerCase()} “${(control.innerText || control.name || control.id).slice(0, 40)}” ends at ${Math.round(box.right)}px`);
                    }
                }
                for (const heading of document.querySelectorAll('.portal-main h1, .portal-main h2')) {
                    if (heading.getBoundingClientRect().right > width + 1 || heading.scrollWidth > heading.clientWidth + 1) {
                        problems.push(`heading cut off: ${heading.textContent.slice(0, 60)}`);
                    }
                }
                return problems;
            }
            """);
        Assert.True(problems.Length == 0, $"{name} at {Phone.Width}px ({Page.Url}):\n{string.Join("\n", problems)}");
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
