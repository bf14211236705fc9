using Microsoft.Playwright;
using Withings.Portal.BrowserTests.Infrastructure;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.BrowserTests.Support;

/// <summary>
/// Support staff end to end: a customer saves a case, the configured admin signs in, finds it on the dashboard, makes a
/// link with answers filled in, the customer opens it and says it fixed the problem, and the dashboard shows the open
/// and the outcome. Every support page passes axe in both themes, with the portal's CSP in force (no console errors).
/// </summary>
public class SupportJourneyTests(BrowserFixture browser, LivePortal portal) : BrowserTest(browser, portal), IClassFixture<LivePortal>
{
    private const string PastedLog = """
        2023-11-02 07:41:03,530 urllib3.connectionpool DEBUG    https://wbsapi.withings.net:443 "POST /v2/oauth2 HTTP/1.1" 200 63
        2023-11-02 07:41:03,531 withings         ERROR      503 - Invalid Params: invalid code
        """;

    [Fact]
    public async Task AdminSeesACaseMakesALinkAndSeesItsOpenAndOutcome()
    {
        var caseLink = await CustomerSavesACaseAsync();

        // Signing in: the dashboard sends an anonymous browser to the form.
        await Page.GotoAsync("/support");
        Assert.Contains("/support/sign-in", Page.Url);
        await AssertAccessibleInBothThemesAsync("/support/sign-in", "support-sign-in");
        await Page.GetByLabel("E-mail").FillAsync(PortalFactory.AdminEmail);
        await Page.GetByLabel("Password").FillAsync(PortalFactory.AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/support");

        // The customer's case, newest first.
        await WaitForInteractivityAsync();
        await Page.Locator($"[data-testid=cases-table] a[href='{caseLink}']").WaitForAsync();
        await AssertDashboardAccessibleAsync("support-dashboard");

        // Make a link: topic, step, answers.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Make a link" }).ClickAsync();
        await Page.GetByLabel("1. Topic").SelectOptionAsync("invalid-code");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Choose this topic" }).ClickAsync();
        await Page.GetByLabel("2. Step the link opens").SelectOptionAsync("start");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Choose this step" }).ClickAsync();
        await Page.GetByLabel("status").SelectOptionAsync("503");
        await Page.GetByLabel("endpoint").SelectOptionAsync("token");
        await Page.GetByLabel("age").FillAsync("60");
        await AssertAccessibleAsync("support-make-link");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Make the link" }).ClickAsync();
        var shortLink = await Page.Locator("[data-testid=short-link]").InputValueAsync();
        Assert.Matches("/l/[a-z2-9]{26}$", shortLink);
        Assert.EndsWith("/troubleshoot/invalid-code/start?status=503&endpoint=token&age=60", await Page.Locator("[data-testid=full-link]").InputValueAsync());
        Assert.True(await Page.GetByRole(AriaRole.Button, new() { Name = "Copy the short link" }).IsVisibleAsync());
        Assert.True(await Page.GetByRole(AriaRole.Button, new() { Name = "Copy the full link" }).IsVisibleAsync());
        await AssertAccessibleInBothThemesAsync(new Uri(Page.Url).PathAndQuery, "support-link");

        // The customer, in a browser of their own, opens it on the fix the answers lead to, and it works.
        await using (var customer = await NewContextAsync())
        {
            var page = await customer.NewPageAsync();
            await page.GotoAsync(shortLink);
            await page.Locator("[data-step=fix-expired]").WaitForAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "This fixed it" }).ClickAsync();
            await page.Locator("[data-testid=outcome-thanks]").WaitForAsync();
        }

        // Back on the dashboard: opened, when, and fixed.
        await Page.GotoAsync("/support");
        await WaitForInteractivityAsync();
        // Every tab fits in the bar at desktop width: at MudBlazor's default 160 px a tab, the sixth hid behind an arrow.
        var bar = await Page.Locator(".mud-tabs-tabbar").First.BoundingBoxAsync();
        var lastTab = await Page.GetByRole(AriaRole.Tab, new() { Name = "Not diagnosed" }).BoundingBoxAsync();
        Assert.True(lastTab!.X + lastTab.Width <= bar!.X + bar.Width, $"the last tab ends at {lastTab.X + lastTab.Width}, the bar at {bar.X + bar.Width}");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Links" }).ClickAsync();
        var opened = Page.Locator("[data-testid=links-table] [data-testid=link-opened]").First;
        await Assertions.Expect(opened).Not.ToHaveTextAsync("not yet");
        await Assertions.Expect(Page.Locator("[data-testid=links-table] [data-testid=link-outcome]").First).ToContainTextAsync("fixed (fix-expired");
        await AssertAccessibleAsync("support-dashboard-links");

        await Page.GetByRole(AriaRole.Tab, new() { Name = "Outcomes" }).ClickAsync();
        await Page.Locator("[data-testid=outcomes-table]").GetByText("fix-expired").WaitForAsync();
        await AssertAccessibleAsync("support-dashboard-outcomes");

        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task AnEmptySignInShowsItsErrorsInTheErrorColourWithFocusOnTheirSummaryInBothThemes()
    {
        foreach (var theme in new[] { "light", "dark" })
        {
            await UseThemeAsync(theme);
            await Page.GotoAsync("/support/sign-in");

            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

            await Assertions.Expect(Page.GetByTestId("error-summary")).ToBeFocusedAsync();
            var colours = await Page.EvaluateAsync<string[]>("""
                () => [getComputedStyle(document.querySelector('#email-error .validation-message')).color,
                       getComputedStyle(document.getElementById('password')).borderTopColor,
                       getComputedStyle(document.querySelector('label[for=email]')).color]
                """);
            var (message, border, label) = (colours[0], colours[1], colours[2]);
            Assert.Equal(message, border);
            Assert.NotEqual(label, message);
            // axe's contrast rule holds the error colour to 4.5:1 on the page in this theme.
            await AssertAccessibleAsync($"support-sign-in-errors-{theme}");
        }
    }

    [Fact]
    public async Task TheDashboardTablesRowsPerPageShowsKeyboardFocus()
    {
        await Page.GotoAsync("/support/sign-in");
        await Page.GetByLabel("E-mail").FillAsync(PortalFactory.AdminEmail);
        await Page.GetByLabel("Password").FillAsync(PortalFactory.AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/support");
        await WaitForInteractivityAsync();
        var rowsPerPage = Page.Locator(".mud-table-pagination-select div[tabindex]").First;
        await rowsPerPage.WaitForAsync();

        // Reached with the keyboard (Shift+Tab then Tab), as :focus-visible requires.
        await rowsPerPage.FocusAsync();
        await Page.Keyboard.PressAsync("Shift+Tab");
        await Page.Keyboard.PressAsync("Tab");

        await Assertions.Expect(rowsPerPage).ToBeFocusedAsync();
        Assert.Equal("solid", await rowsPerPage.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
    }

    [Fact]
    public async Task TheAccountsPageWithAnotherAccountIsAccessibleInBothThemesOnADesktopAndAPhone()
    {
        await Page.GotoAsync("/support/sign-in");
        await Page.GetByLabel("E-mail").FillAsync(PortalFactory.AdminEmail);
        await Page.GetByLabel("Password").FillAsync(PortalFactory.AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/support");
        await Page.GotoAsync("/support/accounts");
        await Page.Locator("#new-email").FillAsync("staff.member.with.a.long.address@portal.test");
        await Page.Locator("#new-password").FillAsync("Staff-password-42!");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add account" }).ClickAsync();
        await Page.GetByTestId("account-added").WaitForAsync();

        await AssertAccessibleInBothThemesAsync("/support/accounts", "support-accounts");

        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Disable staff.member.with.a.long.address@portal.test" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SupportPagesFitAPhone()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync("/support/sign-in");
        await Page.GetByLabel("E-mail").FillAsync(PortalFactory.AdminEmail);
        await Page.GetByLabel("Password").FillAsync(PortalFactory.AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/support");

        foreach (var (path, name) in new[]
        {
            ("/support", "support-dashboard-phone"),
            ("/support/links/new?topic=redirect-uri-mismatch&step=start", "support-make-link-phone"),
            ("/support/accounts", "support-accounts-phone"),
        })
        {
            await Page.GotoAsync(path);
            await AssertAccessibleAsync(name);
            var width = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"{path} is {width}px wide at a 390px viewport");
        }
        // The accounts stack into label/value lines rather than five columns, each word broken across them.
        var email = Page.GetByTestId("accounts-table").Locator("td", new() { HasText = PortalFactory.AdminEmail });
        Assert.True((await email.BoundingBoxAsync())!.Height <= 48, "the admin's e-mail takes more than two lines");
        Assert.Empty(ConsoleErrors);
    }

    private async Task<string> CustomerSavesACaseAsync()
    {
        await using var customer = await NewContextAsync();
        var page = await customer.NewPageAsync();
        await page.GotoAsync("/troubleshoot");
        await page.GetByLabel("What you saw").FillAsync(PastedLog);
        await page.GetByRole(AriaRole.Button, new() { Name = "Diagnose" }).ClickAsync();
        await page.Locator("[data-testid=diagnosis]").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a case" }).ClickAsync();
        return (await page.Locator("[data-testid=case-link]").GetAttributeAsync("href"))!;
    }

    /// <summary>The dashboard in both themes, each checked once its island is live and its first list has loaded.</summary>
    private async Task AssertDashboardAccessibleAsync(string name)
    {
        foreach (var theme in new[] { "light", "dark" })
        {
            await UseThemeAsync(theme);
            await Page.GotoAsync("/support");
            await WaitForInteractivityAsync();
            await Page.Locator("[data-testid=cases-table] tbody tr").First.WaitForAsync();
            await AssertAccessibleAsync($"{name}-{theme}");
        }
    }
}
