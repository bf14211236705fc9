using AngleSharp.Html.Parser;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Tests.Support;

namespace Withings.Portal.Tests.Components.Pages.Support.Accounts;

public sealed class AccountsPageTests : IAsyncDisposable
{
    private readonly PortalFactory portal = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAccountPostedWithoutItsFieldsIsSummedUpAboveTheFormAndEachFieldIsMarkedWithItsOwnMessage()
    {
        var admin = await SupportClient.SignedInAsync(portal);

        var response = await admin.PostFormAsync("/support/accounts", "/support/accounts",
            ("_handler", "add-support-account"), ("Input.Email", ""), ("Input.Password", ""));

        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Cancel));
        var summary = page.QuerySelector("form [data-testid=error-summary][role=alert][autofocus]")!;
        Assert.Contains("There are 2 problems with the form:", summary.TextContent);
        foreach (var (field, message) in new[] { ("new-email", "Enter an e-mail address."), ("new-password", "Enter a first password.") })
        {
            var input = page.GetElementById(field)!;
            Assert.Equal("true", input.GetAttribute("aria-invalid"));
            Assert.Equal(message, page.GetElementById(input.GetAttribute("aria-describedby")!)!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task EachAccountsButtonsNameTheirAccountAndItsCellsCarryTheirColumnForAPhone()
    {
        var admin = await SupportClient.SignedInAsync(portal);
        await admin.PostFormAsync("/support/accounts", "/support/accounts",
            ("_handler", "add-support-account"), ("Input.Email", "staff@portal.test"), ("Input.Password", "Staff-password-42!"));

        var page = new HtmlParser().ParseDocument(await admin.GetHtmlAsync("/support/accounts"));

        var row = page.QuerySelectorAll("[data-testid=accounts-table] tbody tr").Single(r => r.TextContent.Contains("staff@portal.test", StringComparison.Ordinal));
        Assert.Equal("Disable staff@portal.test", row.QuerySelector("button[type=submit]")!.GetAttribute("aria-label"));
        Assert.Equal(new string?[] { "E-mail", "Role", "State", "Since", "Action" }, row.QuerySelectorAll("td").Select(td => td.GetAttribute("data-label")));
    }

    public async ValueTask DisposeAsync()
    {
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
