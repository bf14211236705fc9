using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Components.Pages.Playground;
using Withings.Portal.Playground;
using Withings.Portal.Tests.Playground;
using Withings.Sandbox.Data;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Components.Pages.Playground;

/// <summary>
/// The sample-data checklist of a linked user over real HTTP: Check all, Check now and Simulate are plain form posts
/// answered in the page (streamed row by row when blazor.web.js posts), the results are kept with the linked user
/// between posts, bad input is explained, and neither the spent code nor a token reaches the HTML.
/// </summary>
public sealed partial class SampleDataFormsTests : IAsyncLifetime
{
    private const string DisabledButton = """<button type="submit" name="sample-data-action"[^>]*disabled""";

    private readonly PlaygroundPortal portal = new();
    private LinkedBrowser linked = null!;
    private HttpClient browser = null!;
    private string? spentCode;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        portal.Start();
        linked = new LinkedBrowser(portal);
        browser = linked.Client;
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task SampleDataOpensNoCircuitWithALinkedUserUntilItsInboxIsSubscribedThenOneForTheDeliveries()
    {
        var before = await browser.GetStringAsync("/sample-data", Cancel);
        await LinkAsync();
        var linked = await browser.GetStringAsync("/sample-data", Cancel);
        var checkedAll = await PostAsync(CheckAll);

        foreach (var html in new[] { before, linked, checkedAll })
        {
            Assert.Equal(0, LinkedBrowser.ServerIslands().Count(html));
            Assert.DoesNotContain("components-reconnect", html);
            Assert.Contains("data-testid=\"check-getmeas\"", html);
        }
        // Without a link the page is the same for everyone (cacheable): no form, no antiforgery token.
        Assert.DoesNotContain(SampleDataChecklist.FormName, before);
        Assert.Matches($"""<form method="post" action="/sample-data"[^>]*data-enhance""", linked);
        Assert.Contains($"value=\"{SampleDataChecklist.FormName}\"", linked);
        Assert.Matches("""<button type="submit" name="sample-data-action" value="check-all"(?![^>]*disabled)[^>]*data-testid="check-all""", linked);
        Assert.Contains($"value=\"{InboxPanel.FormName}\"", linked);

        var subscribed = await PostAsync(InboxPanel.FormName, (InboxPanel.AppliField, "1"));
        var later = await browser.GetStringAsync("/sample-data", Cancel);
        Assert.Equal(1, LinkedBrowser.ServerIslands().Count(subscribed));
        Assert.Equal(1, LinkedBrowser.ServerIslands().Count(later));
        Assert.Contains("components-reconnect", later);
    }

    [Fact]
    public async Task CheckAllWithoutTheScriptAnswersWithEveryRowFilledAtOnce()
    {
        await LinkAsync();

        var html = await PostAsync(CheckAll);

        Assert.DoesNotContain("<blazor-ssr>", html);
        Assert.Equal(SampleDataGuide.Items.Count, Rows().Count(html));
        Assert.DoesNotContain("data-state=\"unchecked\"", html);
        Assert.Contains("data-testid=\"found-getmeas\"", html);
        Assert.Matches(@"data-testid=""progress""[^>]*>8 of 8 checked: [1-8] returns? data\.<", html);
        Assert.DoesNotMatch(DisabledButton, html);
    }

    /// <summary>"0 of 8 services return data" before any check read as a verdict on the demo account, which has a year of data.</summary>
    [Fact]
    public async Task BeforeAnyCheckTheProgressSaysNothingWasCheckedYetRatherThanThatNothingReturnsData()
    {
        await LinkAsync();

        var fresh = await browser.GetStringAsync("/sample-data", Cancel);
        var oneChecked = await PostAsync(Check("getmeas"));

        Assert.Matches(@"data-testid=""progress""[^>]*>None of the 8 services checked yet\.<", fresh);
        Assert.DoesNotContain("return data", fresh);
        Assert.Matches(@"data-testid=""progress""[^>]*>1 of 8 checked: 1 returns data\.<", oneChecked);
    }

    [Fact]
    public async Task CheckAllPostedByTheScriptStreamsEachRowAloneAsItsCheckReturnsWithTheButtonsDisabledMeanwhile()
    {
        await LinkAsync();

        var html = await PostAsync(CheckAll, enhanced: true);

        var updates = html.Split("<blazor-ssr>");
        var first = updates[0];
        var last = updates[^1];
        // The page goes out before the first check returns: every row unchecked, every button disabled.
        Assert.Equal(SampleDataGuide.Items.Count, Regex.Count(first, "data-state=\"unchecked\""));
        Assert.Matches("""value="check-all" disabled""", first);
        Assert.Contains("Checking", first);
        // Then each check sends its own row alone (and the progress), in the checklist's order, as it returns...
        var streamedRows = updates[1..^1].SelectMany(update => RowStates().Matches(update).Select(row => (Id: row.Groups["id"].Value, State: row.Groups["state"].Value))).ToList();
        Assert.Equal(SampleDataGuide.Items.Select(item => item.Id), streamedRows.Select(row => row.Id));
        Assert.DoesNotContain(streamedRows, row => row.State == "unchecked");
        Assert.All(updates[1..^1], update => Assert.True(RowStates().Count(update) <= 1, "A streamed update repeats rows that did not change."));
        Assert.Contains(updates[1..^1], update => update.Contains("data-testid=\"progress\"", StringComparison.Ordinal));
        // ...and the last update is the whole checklist again, with the buttons back.
        Assert.Equal(SampleDataGuide.Items.Count, Rows().Count(last));
        Assert.DoesNotMatch(DisabledButton, last);
        Assert.DoesNotContain("Checking", last);
    }

    [Fact]
    public async Task ALaterCheckNowKeepsTheEarlierResultsAndSoDoReloadsAndTheInboxPost()
    {
        await LinkAsync();

        await PostAsync(Check("getmeas"));
        var second = await PostAsync(Check("getdevice"), enhanced: true);
        var reloaded = await browser.GetStringAsync("/sample-data", Cancel);
        var inbox = await PostAsync(InboxPanel.FormName, (InboxPanel.AppliField, "1"));

        foreach (var html in new[] { second.Split("<blazor-ssr>")[^1], reloaded, inbox })
        {
            Assert.Equal("data", StateOf(html, "getmeas"));
            Assert.NotEqual("unchecked", StateOf(html, "getdevice"));
            Assert.Equal("unchecked", StateOf(html, "getworkouts"));
        }
        Assert.Contains("data-testid=\"inbox-subscribe-status\"", inbox);
    }

    /// <summary>A new account has no data: every check is an accepted, empty answer (an empty intraday series comes as []).</summary>
    [Fact]
    public async Task EveryCheckOfANewAccountComesBackEmptyNotFailed()
    {
        await LinkAsync(SimulatedUsers.NoDataUserId, demo: false);

        var html = await PostAsync(CheckAll);

        Assert.All(SampleDataGuide.Items, item => Assert.Equal("empty", StateOf(html, item.Id)));
    }

    [Fact]
    public async Task AFailedCheckSaysWhyAndLinksTheTopicThatFixesIt()
    {
        (_, spentCode) = await linked.LinkAsync(scopes: ["user.info", "user.metrics"]);

        var html = await PostAsync(Check("getactivity"));

        Assert.Equal("failed", StateOf(html, "getactivity"));
        Assert.Matches("""data-testid="failed-getactivity"[^>]*>The call failed: Status 401 [^<]*scope user.activity was not granted""", html);
        Assert.Matches("""href="/troubleshoot/missing-scope[^"]*" data-testid="failed-getactivity-topic"[^>]*>Troubleshoot: """, html);
    }

    /// <summary>
    /// Every failure ended with its status family's advice, "Check the tokens and the parameters.", even "User is
    /// temporarily deactivated", where neither is at fault: the topic linked under it gives the advice that fits.
    /// </summary>
    [Fact]
    public async Task ADeactivatedUsersFailureIsNotToldToCheckTheTokensAndTheParameters()
    {
        await LinkAsync(SimulatedUsers.DeactivatedUserId, demo: false);

        var html = await PostAsync(Check("getmeas"));

        Assert.Equal("failed", StateOf(html, "getmeas"));
        Assert.Matches("""data-testid="failed-getmeas"[^>]*>The call failed: Status 503 [^<]*User is temporarily deactivated\.<""", html);
        Assert.DoesNotContain("Check the tokens and the parameters", html);
        Assert.Matches("""href="/troubleshoot/user-deactivated[^"]*" data-testid="failed-getmeas-topic""", html);
    }

    [Fact]
    public async Task SimulateFillsAnEmptyServiceAndTheNextCheckStillShowsItsData()
    {
        await LinkAsync(SimulatedUsers.NoDataUserId, demo: false);

        var empty = await PostAsync(Check("getmeas"));
        var simulated = await PostAsync(Simulate("getmeas"));
        var rechecked = await PostAsync(Check("getmeas"), enhanced: true);

        Assert.Equal("empty", StateOf(empty, "getmeas"));
        Assert.Contains("Empty. Likely reasons:", empty);
        Assert.Equal("data", StateOf(simulated, "getmeas"));
        Assert.Contains("Simulated: ", simulated);
        Assert.Equal("data", StateOf(rechecked.Split("<blazor-ssr>")[^1], "getmeas"));
        Assert.Contains("Simulated: ", await browser.GetStringAsync("/sample-data", Cancel));
    }

    /// <summary>
    /// Each simulated step fills a recent past stretch in the user's time zone (Paris for the sandbox's users: yesterday
    /// for a tracker day, last night for a sleep), and the checks read recent windows: every service must then return
    /// data whatever the hour. At 22:57 UTC (23:57 in Paris) the intraday check's last 24 hours held three minutes of
    /// yesterday, and it came back empty.
    /// </summary>
    [Theory]
    [InlineData(0, 30)]
    [InlineData(5, 0)]
    [InlineData(11, 0)]
    [InlineData(21, 30)]
    [InlineData(22, 57)]
    [InlineData(23, 30)]
    public async Task EverySimulatedStepShowsUpInItsCheckWhateverTheHour(int hour, int minute)
    {
        var tomorrow = portal.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1); // a fake clock only moves forward
        portal.Clock.SetUtcNow(new DateTimeOffset(tomorrow.AddHours(hour).AddMinutes(minute), TimeSpan.Zero));
        await LinkAsync(SimulatedUsers.NoDataUserId, demo: false);

        foreach (var step in SampleDataGuide.Items.DistinctBy(i => i.Simulate))
        {
            Assert.Contains("Simulated: ", await PostAsync(Simulate(step.Id)));
        }
        var html = await PostAsync(CheckAll);

        Assert.All(SampleDataGuide.Items, item => Assert.Equal("data", StateOf(html, item.Id)));
    }

    [Theory]
    [InlineData("check:no-such-service")]
    [InlineData("simulate:../getmeas")]
    [InlineData("check-everything")]
    [InlineData("")]
    public async Task AnUnknownItemIsExplainedAndTheEarlierResultsStay(string action)
    {
        await LinkAsync();
        await PostAsync(Check("getmeas"));

        var html = await PostAsync((SampleDataChecklist.ActionField, action));

        Assert.Contains(SampleDataChecklist.UnknownItem, html);
        Assert.Equal("data", StateOf(html, "getmeas"));
        Assert.DoesNotContain("data-state=\"empty\"", html);
    }

    [Fact]
    public async Task TooManyCallsAreRefusedWithTheLimitsMessageAndTheEarlierResultsStay()
    {
        await LinkAsync();
        await PostAsync(Check("getmeas"));
        var limiter = portal.Services.GetRequiredService<PlaygroundCallLimiter>();
        while (limiter.TryAcquire(IPAddress.Loopback.ToString()))
        {
        }

        var all = await PostAsync(CheckAll, enhanced: true);
        var simulated = await PostAsync(Simulate("getworkouts"));

        Assert.Contains(PlaygroundCallLimiter.Refusal, all);
        Assert.Equal("data", StateOf(all.Split("<blazor-ssr>")[^1], "getmeas"));
        Assert.Equal("unchecked", StateOf(all.Split("<blazor-ssr>")[^1], "getworkouts"));
        Assert.Contains(PlaygroundCallLimiter.Refusal, simulated);
        Assert.Equal("data", StateOf(simulated, "getmeas"));
    }

    [Fact]
    public async Task ACheckPostedAfterItsLinkIsGoneGetsTheNoLinkedUserSentence()
    {
        await LinkAsync();
        var token = AntiforgeryTokenIn(await browser.GetStringAsync("/sample-data", Cancel));
        using var stale = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = portal.BaseAddress };
        var staleCookies = linked.CookiesWithAForgottenLink();

        foreach (var action in new[] { SampleDataChecklist.CheckAllAction, "check:getmeas", "simulate:getmeas" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/sample-data")
            {
                Content = Form(("__RequestVerificationToken", token), ("_handler", SampleDataChecklist.FormName), (SampleDataChecklist.ActionField, action)),
            };
            request.Headers.Add("Cookie", staleCookies);
            var response = await stale.SendAsync(request, Cancel);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Cancel);
            Assert.Contains(SampleDataChecklist.NoLinkedUser, html);
            Assert.DoesNotContain("data-state=\"data\"", html);
        }
    }

    [Fact]
    public async Task NeitherTheSpentCodeNorATokenReachesTheSampleDataPage()
    {
        await LinkAsync();
        var pages = new List<string>
        {
            await browser.GetStringAsync("/sample-data", Cancel),
            await PostAsync(CheckAll),
            await PostAsync(CheckAll, enhanced: true),
            await PostAsync(Simulate("getmeas"), enhanced: true),
            await PostAsync(InboxPanel.FormName, (InboxPanel.AppliField, "1")),
        };
        var link = Link();

        Assert.NotNull(spentCode);
        foreach (var html in pages)
        {
            Assert.Contains("action=\"/sample-data\"", html);
            Assert.DoesNotContain("code=", html);
            Assert.DoesNotContain(spentCode, html);
            Assert.DoesNotContain(link.Tokens.AccessToken, html);
            Assert.DoesNotContain(link.Tokens.RefreshToken, html);
            Assert.DoesNotContain(PlaygroundPortal.CanarySecret, html);
        }
    }

    private static readonly (string, string) CheckAll = (SampleDataChecklist.ActionField, SampleDataChecklist.CheckAllAction);

    private static (string, string) Check(string id) => (SampleDataChecklist.ActionField, SampleDataChecklist.CheckPrefix + id);

    private static (string, string) Simulate(string id) => (SampleDataChecklist.ActionField, SampleDataChecklist.SimulatePrefix + id);

    private async Task LinkAsync(int user = SimulatedUsers.DemoUserId, bool demo = true) =>
        (_, spentCode) = await linked.LinkAsync(user, demo);

    private PlaygroundLink Link() => linked.Link();

    private Task<string> PostAsync((string Key, string Value) action, bool enhanced = false) =>
        PostAsync(SampleDataChecklist.FormName, enhanced, action);

    private Task<string> PostAsync(string formName, params (string Key, string Value)[] fields) => PostAsync(formName, false, fields);

    private Task<string> PostAsync(string formName, bool enhanced, params (string Key, string Value)[] fields) =>
        linked.PostAsync("/sample-data", formName, enhanced, fields);

    private static string? StateOf(string html, string itemId) =>
        Regex.Match(html, $"data-testid=\"item-{Regex.Escape(itemId)}\"\\s+data-state=\"(?<state>[a-z]+)\"") is { Success: true } match
            ? match.Groups["state"].Value
            : null;

    [GeneratedRegex("""data-testid="item-[a-z-]+"\s+data-state="(data|empty)""")]
    private static partial Regex Rows();

    [GeneratedRegex("""data-testid="item-(?<id>[a-z-]+)"\s+data-state="(?<state>[a-z]+)""")]
    private static partial Regex RowStates();

    public async ValueTask DisposeAsync()
    {
        linked.Dispose();
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
