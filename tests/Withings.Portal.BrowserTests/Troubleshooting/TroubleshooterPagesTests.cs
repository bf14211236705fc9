using Microsoft.Playwright;
using Withings.Portal.BrowserTests.Infrastructure;

namespace Withings.Portal.BrowserTests.Troubleshooting;

public class TroubleshooterPagesTests(BrowserFixture browser, LivePortal portal) : BrowserTest(browser, portal), IClassFixture<LivePortal>
{
    [Fact]
    public async Task TroubleshooterIndexIsAccessibleInBothThemes()
    {
        await AssertAccessibleInBothThemesAsync("/troubleshoot", "troubleshoot-index");
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task CasePageIsAccessibleInBothThemes()
    {
        await Page.GotoAsync("/");
        await Page.GetByLabel("What you saw").FillAsync("POST https://wbsapi.withings.net/v2/oauth2 client_secret=s3cr3t-value\n{\"status\":503,\"body\":{},\"error\":\"invalid refresh_token\"}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Diagnose" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save as a case" }).ClickAsync();
        var link = await Page.Locator("[data-testid=case-link]").GetAttributeAsync("href");

        await AssertAccessibleInBothThemesAsync(link!, "case-page");
        await AssertAccessibleInBothThemesAsync("/cases/abcdefghijkmnpqrstuvwxyz23", "case-not-found");
    }

    [Fact]
    public async Task NoDiagnosisAndTooLargeAnswersAreAccessibleAndKeepTheText()
    {
        await Page.GotoAsync("/troubleshoot");
        var box = Page.GetByLabel("What you saw");

        await box.FillAsync("stripe.error.CardError: Your card was declined. (status 402)");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Diagnose" }).ClickAsync();
        await Page.Locator("[data-testid=no-diagnosis]").WaitForAsync();
        await AssertAccessibleAsync("paste-no-diagnosis");

        // Over the engine's 1 MiB: the form post carries it, the engine refuses it, the text comes back whole.
        var huge = "withings status 503\n" + new string('x', 1_300_000);
        await box.FillAsync(huge);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Diagnose" }).ClickAsync();
        await Page.Locator("[data-testid=too-large]").WaitForAsync();

        Assert.Equal(huge.Length, await box.EvaluateAsync<int>("e => e.value.length"));
        Assert.Empty(ConsoleErrors);
    }
}
