using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Components.Pages.Playground;
using Withings.Portal.Playground;
using Withings.Portal.Tests.Playground;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Components.Pages.Playground;

/// <summary>
/// The linked user's section over real HTTP: refresh, data calls and the inbox are plain form posts answered in the page,
/// the countdowns are the script's, the deliveries the one island once the inbox is subscribed, bad input is explained and
/// kept, and no token reaches the HTML.
/// </summary>
public sealed partial class LinkedUserFormsTests : IAsyncLifetime
{
    private readonly PlaygroundPortal portal = new();
    private LinkedBrowser linked = null!;
    private HttpClient browser = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        portal.Start();
        linked = new LinkedBrowser(portal);
        browser = linked.Client;
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task LinkedPlaygroundOpensNoCircuitUntilItsInboxIsSubscribedThenOneForTheDeliveries()
    {
        var callback = await LinkDemoUserAsync();
        var playground = await browser.GetStringAsync("/playground", Cancel);

        // An island is a server component marker: none, the section is static HTML with its forms and counting-down times.
        Assert.Equal(0, LinkedBrowser.ServerIslands().Count(playground));
        Assert.Equal(0, LinkedBrowser.ServerIslands().Count(callback));
        Assert.DoesNotContain("components-reconnect", playground);
        Assert.Matches("data-testid=\"expires-in\" data-countdown-ms=\"\\d+\"", playground);
        Assert.Contains("data-countdown-ms", callback[callback.IndexOf("data-testid=\"code-countdown\"", StringComparison.Ordinal)..]);
        var subscribed = await PostAsync("/playground", InboxPanel.FormName, (InboxPanel.AppliField, "1"));
        var later = await browser.GetStringAsync("/playground", Cancel);
        Assert.Equal(1, LinkedBrowser.ServerIslands().Count(subscribed));
        Assert.Equal(1, LinkedBrowser.ServerIslands().Count(later));
        Assert.Contains("components-reconnect", later);
        foreach (var html in new[] { playground, callback })
        {
            Assert.Contains($"value=\"{DataCallsPanel.FormName}\"", html);
            Assert.Contains($"value=\"{TokensPanel.FormName}\"", html);
            Assert.Contains($"value=\"{InboxPanel.FormName}\"", html);
            Assert.DoesNotContain("mud-select", html);
            Assert.DoesNotContain("mud-popover-provider", html);
        }
        Assert.Contains("action=\"/playground/callback\"", callback);
    }

    [Fact]
    public async Task DataCallPostAnswersWithTheReadingAndNoToken()
    {
        await LinkDemoUserAsync();

        var html = await PostAsync("/playground", DataCallsPanel.FormName, DataCall(DataCalls.GetMeas, (DataCallsPanel.ActionField, DataCallsPanel.RunAction),
            (DataCallsPanel.MeasureTypesField, "1"), (DataCallsPanel.CategoryField, "1")));

        Assert.Contains("data-testid=\"data-status\"", html);
        Assert.Matches(@"Weight \d+(\.\d+)? kg", html);
        Assert.Contains("data-testid=\"next-page\"", html);
        AssertNoTokenOfTheLinkIn(html);
    }

    [Fact]
    public async Task EachPostIsSaidInOneShortSentenceByItsPanelsStatusWhichWasOnThePageBefore()
    {
        await LinkDemoUserAsync();
        var before = Parse(await browser.GetStringAsync("/playground", Cancel));

        var called = Parse(await PostAsync("/playground", DataCallsPanel.FormName, DataCall(DataCalls.GetMeas, (DataCallsPanel.ActionField, DataCallsPanel.RunAction),
            (DataCallsPanel.MeasureTypesField, "1"))));
        var chosen = Parse(await PostAsync("/playground", DataCallsPanel.FormName, DataCall(DataCalls.SleepSummary)));
        var refreshed = Parse(await PostAsync("/playground", TokensPanel.FormName));

        Assert.All(new[] { "tokens", "data-calls", "inbox" }, panel => Assert.Equal("", StatusOf(before, panel)));
        Assert.Matches(@"^/measure action=getmeas: HTTP 200, status 0\. \d+ items? in the answer below\.$", StatusOf(called, "data-calls"));
        Assert.Equal("", StatusOf(called, "tokens"));
        Assert.Equal("The fields of /v2/sleep action=getsummary are shown; nothing was called.", StatusOf(chosen, "data-calls"));
        Assert.StartsWith("Tokens refreshed: the new access token works, and the old refresh token is now refused", StatusOf(refreshed, "tokens"));
        Assert.Equal("", StatusOf(refreshed, "data-calls"));
        // The answers themselves are no live regions: a data call's would read every reading.
        Assert.Empty(called.QuerySelectorAll("[data-testid=data-calls] [aria-live]:not([role=status])"));
    }

    [Fact]
    public async Task TheCallHasItsOwnShowButtonWhileEnterInAFieldStillMakesTheCall()
    {
        await LinkDemoUserAsync();
        var form = Parse(await browser.GetStringAsync("/playground", Cancel)).QuerySelector("[data-testid=data-call-form]")!;

        var shown = await PostAsync("/playground", DataCallsPanel.FormName, DataCall(DataCalls.SleepSummary, (DataCallsPanel.ActionField, DataCallsPanel.ShowAction)));

        Assert.NotNull(form.QuerySelector($"button[type=submit][data-testid=show-call][value={DataCallsPanel.ShowAction}]"));
        // Implicit submission (Enter in a field) clicks the form's first submit button.
        Assert.Equal(DataCallsPanel.RunAction, form.QuerySelector("button[type=submit]")!.GetAttribute("value"));
        Assert.Contains("Start day (startdateymd)", shown);
        Assert.DoesNotContain("data-testid=\"data-status\"", shown);
    }

    [Fact]
    public async Task ChoosingAnotherCallShowsItsFieldsWithoutCallingIt()
    {
        await LinkDemoUserAsync();

        var html = await PostAsync("/playground", DataCallsPanel.FormName,
            DataCall(DataCalls.GetActivity, (DataCallsPanel.StartDateField, "2026-01-01"), (DataCallsPanel.OffsetField, "400")));

        Assert.Contains("Start day (startdateymd)", html);
        Assert.Contains("value=\"2026-01-01\"", html);
        Assert.DoesNotContain("value=\"400\"", html);
        Assert.Matches($"<option value=\"{DataCalls.GetActivity}\"[^>]*selected", html);
        Assert.DoesNotContain("data-testid=\"data-status\"", html);
    }

    [Fact]
    public async Task BadParametersAreExplainedKeptAsTypedAndNotSent()
    {
        await LinkDemoUserAsync();

        var html = await PostAsync("/playground", DataCallsPanel.FormName, DataCall(DataCalls.GetMeas, (DataCallsPanel.ActionField, DataCallsPanel.RunAction),
            (DataCallsPanel.StartDateField, "31/01/2026"), (DataCallsPanel.OffsetField, "ten<b>"), (DataCallsPanel.MeasureTypesField, "9")));

        Assert.Contains("data-testid=\"call-problem\"", html);
        Assert.Contains("startdate: enter a date as year-month-day", html);
        Assert.Contains("offset: enter a whole number", html);
        Assert.Contains("value=\"31/01/2026\"", html);
        Assert.Contains("value=\"ten&lt;b&gt;\"", html);
        Assert.DoesNotContain("ten<b>", html);
        Assert.Matches("value=\"9\"[^>]*checked", html);
        Assert.DoesNotContain("data-testid=\"data-status\"", html);
    }

    /// <summary>The sandbox answers 503 for an ECG id the user does not have; 503's first topic would be about codes.</summary>
    [Fact]
    public async Task AFailedCallLinksTheTopicOfItsErrorNotTheFirstOfItsStatus()
    {
        await LinkDemoUserAsync();

        var html = await PostAsync("/playground", DataCallsPanel.FormName, (DataCallsPanel.CallField, DataCalls.HeartGet),
            (DataCallsPanel.ShownCallField, DataCalls.HeartGet), (DataCallsPanel.ActionField, DataCallsPanel.RunAction), (DataCallsPanel.SignalIdField, "424242"));

        Assert.Contains("Invalid Params: invalid signalid", System.Net.WebUtility.HtmlDecode(html));
        Assert.Matches("""href="/troubleshoot/invalid-params-data-call[^"]*" data-testid="data-topic"[^>]*>Troubleshoot: """, html);
    }

    [Fact]
    public async Task RefreshPostShowsTheRotationWithoutAnyTokenInThePage()
    {
        await LinkDemoUserAsync();
        var link = Link();
        var (access, refresh) = (link.Tokens.AccessToken, link.Tokens.RefreshToken);

        var html = await PostAsync("/playground", TokensPanel.FormName);

        Assert.Contains("data-testid=\"rotation\"", html);
        Assert.Contains("rotated once", html);
        Assert.NotEqual(access, link.Tokens.AccessToken);
        foreach (var token in new[] { access, refresh })
        {
            Assert.DoesNotContain(token, html);
        }
        AssertNoTokenOfTheLinkIn(html);
    }

    [Fact]
    public async Task InboxSubscriptionPostsBackToThePageItIsOn()
    {
        await LinkDemoUserAsync();

        var sampleData = await PostAsync("/sample-data", InboxPanel.FormName, (InboxPanel.AppliField, "16"));
        var playground = await PostAsync("/playground", InboxPanel.FormName, (InboxPanel.AppliField, "not a category"));

        Assert.Contains("data-testid=\"inbox-subscribe-status\"", sampleData);
        Assert.Contains("appli: 16", sampleData);
        Assert.Contains("action=\"/sample-data\"", sampleData);
        Assert.Contains("data-testid=\"inbox-subscribe-status\"", playground);
        Assert.Contains("appli: 1)", playground);
        AssertNoTokenOfTheLinkIn(sampleData + playground);
    }

    /// <summary>
    /// The inbox showed only callbackurl http://localhost/playground/inbox/… (no port: curl was refused there), with no
    /// word of why the sandbox takes an http localhost URL from it and answers 293 to everyone else's.
    /// </summary>
    [Fact]
    public async Task TheInboxSaysItsCallbackUrlIsInternalAndGivesTheAddressItAnswersAtFromOutside()
    {
        await LinkDemoUserAsync();

        var playground = await browser.GetStringAsync("/playground", Cancel);

        var id = linked.Link().InboxId;
        Assert.NotNull(id);
        Assert.Contains($"data-testid=\"inbox-url\">http://localhost/playground/inbox/{id}<", playground);
        Assert.Matches("data-testid=\"inbox-url-note\"[^>]*>\\s*An internal address", playground);
        Assert.Contains($"data-testid=\"inbox-public-url\">{portal.Origin}/playground/inbox/{id}<", playground);
        using var head = new HttpRequestMessage(HttpMethod.Head, $"{portal.Origin}/playground/inbox/{id}");
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(head, Cancel)).StatusCode);
    }

    [Fact]
    public async Task TheInboxSendsToTheSampleDataPageOnlyFromAnotherPage()
    {
        await LinkDemoUserAsync();

        var sampleData = await PostAsync("/sample-data", InboxPanel.FormName, (InboxPanel.AppliField, "16"));
        var playground = await PostAsync("/playground", InboxPanel.FormName, (InboxPanel.AppliField, "16"));

        Assert.Contains("the \"Simulate\" buttons of the checks on this page", System.Net.WebUtility.HtmlDecode(sampleData));
        Assert.Contains("on <a href=\"/sample-data\"", playground);
    }

    [Fact]
    public async Task AFormPostedAfterItsLinkIsGoneGetsTheSentenceInsteadOfAnError()
    {
        await LinkDemoUserAsync();
        var token = AntiforgeryTokenIn(await browser.GetStringAsync("/playground", Cancel));
        // The same browser, but its link cookie names a link the portal no longer has (idle too long, or a restart).
        using var stale = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = portal.BaseAddress };
        var staleCookies = linked.CookiesWithAForgottenLink();

        foreach (var (path, form, expected) in new[]
                 {
                     ("/playground", DataCallsPanel.FormName, "data-testid=\"no-linked-user\""),
                     ("/playground", TokensPanel.FormName, "data-testid=\"no-linked-user\""),
                     ("/playground/callback", InboxPanel.FormName, "data-testid=\"no-linked-user\""),
                     ("/sample-data", InboxPanel.FormName, "Link a user in"),
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = Form(("__RequestVerificationToken", token), ("_handler", form), (DataCallsPanel.ActionField, DataCallsPanel.RunAction)),
            };
            request.Headers.Add("Cookie", staleCookies);
            var response = await stale.SendAsync(request, Cancel);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {response.StatusCode} to {form}");
            Assert.Contains(expected, await response.Content.ReadAsStringAsync(Cancel));
        }
    }

    private async Task<string> LinkDemoUserAsync() => (await linked.LinkAsync()).Callback;

    private PlaygroundLink Link() => linked.Link();

    private void AssertNoTokenOfTheLinkIn(string html)
    {
        var link = Link();
        Assert.DoesNotContain(link.Tokens.AccessToken, html);
        Assert.DoesNotContain(link.Tokens.RefreshToken, html);
        Assert.DoesNotContain(PlaygroundPortal.CanarySecret, html);
    }

    private static AngleSharp.Dom.IDocument Parse(string html) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

    /// <summary>The text of the one status of a panel (by its test id).</summary>
    private static string StatusOf(AngleSharp.Dom.IDocument page, string panel) =>
        Assert.Single(page.QuerySelectorAll($"[data-testid={panel}] [role=status]")).TextContent;

    private static (string, string)[] DataCall(string callId, params (string, string)[] fields) =>
        [(DataCallsPanel.CallField, callId), (DataCallsPanel.ShownCallField, DataCalls.GetMeas), .. fields];

    private Task<string> PostAsync(string path, string formName, params (string Key, string Value)[] fields) =>
        linked.PostAsync(path, formName, enhanced: false, fields);

    public async ValueTask DisposeAsync()
    {
        linked.Dispose();
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
