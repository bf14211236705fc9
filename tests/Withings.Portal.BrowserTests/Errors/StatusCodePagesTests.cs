using Microsoft.Playwright;
using Withings.Portal.BrowserTests.Infrastructure;

namespace Withings.Portal.BrowserTests.Errors;

public class StatusCodePagesTests(BrowserFixture browser, LivePortal portal) : BrowserTest(browser, portal), IClassFixture<LivePortal>
{
    [Theory]
    [InlineData("/errors", "errors-index")]
    [InlineData("/errors/503", "errors-503")]
    [InlineData("/errors/601", "errors-601")]
    public async Task StatusCodePagesAreAccessibleInBothThemes(string path, string name)
    {
        await AssertAccessibleInBothThemesAsync(path, name);
    }

    [Fact]
    public async Task GoingToACodeFromTheIndexOpensItsPage()
    {
        await Page.GotoAsync("/errors");

        await Page.GetByLabel("Go to a status code").FillAsync("293");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Go" }).ClickAsync();

        await Page.Locator("h1", new() { HasTextString = "Status 293" }).WaitForAsync();
        Assert.EndsWith("/errors/293", Page.Url);
        Assert.True(await Page.Locator("a[href='/troubleshoot/notification-callback']").First.IsVisibleAsync());
    }
}
