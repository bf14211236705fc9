using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Support.Links;
using Withings.Portal.Tests.Infrastructure;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Support;

/// <summary>"Make a link": the form makes a short link; opening it redirects to the step, and the dashboard ties the visit to its outcome.</summary>
public sealed partial class SupportLinksTests : IAsyncDisposable
{
    private readonly PortalFactory portal = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private SupportLinks Links => portal.Services.GetRequiredService<SupportLinks>();

    [Fact]
    public async Task MadeLinkRedirectsToTheStepWithTheChosenAnswers()
    {
        var code = await MakeLinkAsync("invalid-code", "start", ("answer.status", "503"), ("answer.endpoint", "token"));

        var opened = await portal.CreateBrowserLikeClient().GetAsync($"/l/{code}", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/troubleshoot/invalid-code/start?status=503&endpoint=token", opened.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task TheFormNamesWhatEachAnswerIsAboutAndWhatItsValuesMean()
    {
        var support = await SupportClient.SignedInAsync(portal);

        var html = WebUtility.HtmlDecode(await support.GetHtmlAsync("/support/links/new?topic=notification-callback&step=start"));

        Assert.Contains(">url: what the callback-URL check found</label>", html);
        Assert.Contains("<option value=\"local\">local: localhost or an IP address</option>", html);
        Assert.DoesNotContain("<label for=\"answer-url\">url</label>", html);
    }

    [Fact]
    public async Task AnswerTheStepDoesNotAcceptIsRefusedAndNoLinkIsMade()
    {
        var support = await SupportClient.SignedInAsync(portal);

        var response = await support.PostFormAsync("/support/links/new?topic=invalid-code&step=start", "/support/links",
            ("topic", "invalid-code"), ("step", "start"), ("answer.status", "<script>"));

        Assert.Equal("/support/links/new?topic=invalid-code&step=start&problem=answers", response.Headers.Location?.OriginalString);
        Assert.Equal(0, (await Links.ListAsync(0, 10, Cancel)).Total);
    }

    [Fact]
    public async Task OpenAndOutcomeOfTheVisitShowOnTheLinksList()
    {
        var code = await MakeLinkAsync("invalid-code", "fix-expired");
        var customer = portal.CreateBrowserLikeClient();

        await customer.GetAsync($"/l/{code}", Cancel);
        var outcome = await customer.PostAsync("/troubleshoot/invalid-code/fix-expired/outcome", Form(("outcome", "fixed")), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, outcome.StatusCode);
        var row = Assert.Single((await Links.ListAsync(0, 10, Cancel)).Rows);
        Assert.Equal(1, row.Opens);
        Assert.NotNull(row.FirstOpenedAt);
        Assert.Equal(new LinkOutcome("fix-expired", true, row.Outcome!.At), row.Outcome);
    }

    [Fact]
    public async Task OutcomeOfAnotherVisitorIsNotTheLinksOutcome()
    {
        var code = await MakeLinkAsync("invalid-code", "fix-expired");
        await portal.CreateBrowserLikeClient().GetAsync($"/l/{code}", Cancel);

        await portal.CreateBrowserLikeClient().PostAsync("/troubleshoot/invalid-code/fix-expired/outcome", Form(("outcome", "fixed")), Cancel);

        Assert.Null(Assert.Single((await Links.ListAsync(0, 10, Cancel)).Rows).Outcome);
    }

    [Fact]
    public async Task RedirectSetsNoCookieOnTheCachedStepPages()
    {
        var code = await MakeLinkAsync("invalid-code", "fix-expired");

        var opened = await portal.CreateBrowserLikeClient().GetAsync($"/l/{code}", Cancel);

        var cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal-outcome-visitor=", StringComparison.Ordinal));
        Assert.Contains("path=/troubleshoot/invalid-code/", cookie, StringComparison.OrdinalIgnoreCase);
        var step = await portal.CreateBrowserLikeClient().GetAsync("/troubleshoot/invalid-code/fix-expired", Cancel);
        Assert.Contains("public", step.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task RevokedLinkShowsAPageInsteadOfRedirecting()
    {
        var support = await SupportClient.SignedInAsync(portal);
        var code = await MakeLinkAsync("invalid-code", "start", support: support);
        var link = Assert.Single((await Links.ListAsync(0, 10, Cancel)).Rows).Link;

        var revoked = await support.PostFormAsync(PageOf(link), $"{PageOf(link)}/revoke");
        var opened = await portal.CreateBrowserLikeClient().GetAsync($"/l/{code}", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("This link was withdrawn", await opened.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(0, Assert.Single((await Links.ListAsync(0, 10, Cancel)).Rows).Opens);
    }

    [Theory]
    [InlineData("abcdefghijkmnpqrstuvwxyz23")]
    [InlineData("short")]
    public async Task UnknownCodeIsNotFoundAndSaysWhatASupportLinkIs(string code)
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync($"/l/{code}", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Support link not found", html);
        Assert.DoesNotContain("It may have moved", html);
    }

    [Fact]
    public async Task RevokeWithoutTheFormsTokenIsRefused()
    {
        var support = await SupportClient.SignedInAsync(portal);
        await MakeLinkAsync("invalid-code", "start", support: support);
        var link = Assert.Single((await Links.ListAsync(0, 10, Cancel)).Rows).Link;

        var response = await support.Http.PostAsync($"{PageOf(link)}/revoke", Form(), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(Assert.Single((await Links.ListAsync(0, 10, Cancel)).Rows).Link.RevokedAt);
    }

    private static string PageOf(SupportLink link) => Withings.Portal.Support.Forms.SupportEndpoints.LinkPage(link.Id);

    private async Task<string> MakeLinkAsync(string topic, string step, params (string, string)[] answers) =>
        await MakeLinkAsync(topic, step, null, answers);

    private async Task<string> MakeLinkAsync(string topic, string step, SupportClient? support, params (string, string)[] answers)
    {
        support ??= await SupportClient.SignedInAsync(portal);
        var made = await support.PostFormAsync($"/support/links/new?topic={topic}&step={step}", "/support/links",
            [("topic", topic), ("step", step), .. answers]);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var page = await support.GetHtmlAsync(made.Headers.Location!.OriginalString);
        return ShortLink().Match(page).Groups["code"].Value;
    }

    [GeneratedRegex("/l/(?<code>[a-z0-9]{26})")]
    private static partial Regex ShortLink();

    public async ValueTask DisposeAsync()
    {
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
