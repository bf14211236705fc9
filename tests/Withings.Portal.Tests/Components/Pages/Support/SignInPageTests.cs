using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Tests.Support;

namespace Withings.Portal.Tests.Components.Pages.Support;

/// <summary>The sign-in form's errors after a post: seen at the top, focused, and tied to their fields.</summary>
public class SignInPageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEmptyPostIsSummedUpAboveTheFormWhichTakesFocusAndEachFieldIsMarkedWithItsOwnMessage()
    {
        var client = new SupportClient(fixture.Portal.CreateBrowserLikeClient());

        var page = await ParseAsync(await client.SignInAsync("", ""));

        var summary = page.QuerySelector("form [data-testid=error-summary]")!;
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.True(summary.HasAttribute("autofocus"));
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.Contains("There are 2 problems with the form:", summary.TextContent);
        foreach (var (field, message) in new[] { ("email", "Enter your e-mail address."), ("password", "Enter your password.") })
        {
            var input = page.GetElementById(field)!;
            Assert.Equal("true", input.GetAttribute("aria-invalid"));
            var description = page.GetElementById(input.GetAttribute("aria-describedby")!)!;
            Assert.Equal(message, description.TextContent.Trim());
            Assert.Contains(message, summary.TextContent);
        }
    }

    [Fact]
    public async Task TheFormBeforeAnyPostHasNoSummaryAndNoFieldMarkedInvalid()
    {
        var page = new HtmlParser().ParseDocument(await fixture.Portal.CreateClient().GetStringAsync("/support/sign-in", Cancel));

        Assert.Null(page.QuerySelector("[data-testid=error-summary]"));
        Assert.Empty(page.QuerySelectorAll("[aria-invalid=true]"));
        Assert.Equal("", page.GetElementById("password-error")!.TextContent);
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Cancel));
}
