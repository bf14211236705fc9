using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Playground;

namespace Withings.Portal.Tests.Playground;

/// <summary>/playground/callback over real HTTP: the state check, the code exchanged in the request, and where secrets never go.</summary>
public sealed class CallbackPageTests : IAsyncLifetime
{
    private readonly PlaygroundPortal portal = new();

    public ValueTask InitializeAsync()
    {
        portal.Start();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task WrongStateIsRefusedAndTheCodeIsNotExchanged()
    {
        var (callback, state, code) = await portal.ConsentAsync();
        using var browser = portal.Browser();

        var forged = await browser.GetStringAsync($"/playground/callback?code={code}&state=not-a-state-we-sent", TestContext.Current.CancellationToken);

        Assert.Contains("Callback refused", forged);
        Assert.DoesNotContain("Callback received", forged);
        Assert.Contains("not one this portal handed out", forged);
        // The code was not spent by the refused callback: the genuine one still exchanges it.
        var genuine = await browser.GetStringAsync(callback, TestContext.Current.CancellationToken);
        Assert.Contains("data-testid=\"timeline\"", genuine);
        Assert.DoesNotContain("Callback refused", genuine);
        Assert.Contains("Callback received", genuine);
        Assert.NotEqual("", state);
    }

    [Fact]
    public async Task ReplayedCallbackIsRefused()
    {
        var (callback, _, _) = await portal.ConsentAsync();
        using var browser = portal.Browser();
        await browser.GetStringAsync(callback, TestContext.Current.CancellationToken);

        var replay = await browser.GetStringAsync(callback, TestContext.Current.CancellationToken);

        Assert.Contains("Callback refused", replay);
        Assert.Contains("already used", replay);
    }

    [Fact]
    public async Task CodeOlderThanThirtySecondsGivesTheInvalidCodeTopic()
    {
        var (callback, _, _) = await portal.ConsentAsync();
        portal.Clock.Advance(TimeSpan.FromSeconds(31));
        using var browser = portal.Browser();

        var page = await browser.GetStringAsync(callback, TestContext.Current.CancellationToken);

        Assert.Contains("Invalid Params: invalid code", page);
        Assert.Contains("href=\"/troubleshoot/invalid-code", page);
    }

    /// <summary>
    /// A callback opened 32 s after consent said "30 s left" right above Withings' "invalid code", and put the whole wait
    /// on "consent on the Withings page", which the portal cannot tell apart from the redirect that followed.
    /// </summary>
    [Fact]
    public async Task ACodeRefusedAsInvalidGetsNoSecondsLeftAndTheWaitIsNotPutOnConsentAlone()
    {
        var (callback, _, _) = await portal.ConsentAsync();
        portal.Clock.Advance(TimeSpan.FromSeconds(32));
        using var browser = portal.Browser();

        var page = await browser.GetStringAsync(callback, TestContext.Current.CancellationToken);

        Assert.Contains("Invalid Params: invalid code", page);
        var countdown = Regex.Match(page, """data-testid="code-countdown"[^>]*>(?<text>[\s\S]*?)</p>""").Groups["text"].Value;
        Assert.Contains("refused as invalid code", countdown);
        Assert.DoesNotContain("s left", countdown);
        Assert.DoesNotContain("data-countdown-ms", countdown);
        // Text beside a rendered value is encoded ("+" as &#x2B;).
        Assert.Matches(@"callback received: \+32\d{3} ms \(the URL opened, consent on the Withings page, the redirect back", WebUtility.HtmlDecode(page));
    }

    /// <summary>
    /// The callback address without a query (opened directly, or reloaded: the page drops the spent code and state from
    /// the address bar) said "Callback received" above a user linked earlier, with no trace of the exchange that failed.
    /// </summary>
    [Fact]
    public async Task TheCallbackAddressWithoutACallbackSaysTheUserWasLinkedEarlierNotThatACallbackArrived()
    {
        var (callback, _, _) = await portal.ConsentAsync();
        using var browser = portal.Browser();
        var linked = await browser.GetAsync(callback, TestContext.Current.CancellationToken);
        var cookie = linked.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(PlaygroundLinks.CookieName, StringComparison.Ordinal)).Split(';')[0];
        using var reload = new HttpRequestMessage(HttpMethod.Get, "/playground/callback");
        reload.Headers.Add("Cookie", cookie);

        var page = await (await browser.SendAsync(reload, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("data-testid=\"linked-user\"", page);
        Assert.DoesNotContain("Callback received", page);
        Assert.DoesNotContain("data-testid=\"timeline\"", page);
        Assert.Matches("data-testid=\"no-callback\"[\\s\\S]*linked earlier", page);
    }

    [Fact]
    public async Task ReusedCodeGivesTheInvalidCodeTopic()
    {
        var (first, _, code) = await portal.ConsentAsync();
        using var browser = portal.Browser();
        Assert.Contains("data-testid=\"timeline\"", await browser.GetStringAsync(first, TestContext.Current.CancellationToken));
        // Past the sandbox's "same arguments within 10 s" rule (601), so the answer is about the code itself.
        portal.Clock.Advance(TimeSpan.FromSeconds(11));
        var (_, secondState, _) = await portal.ConsentAsync();

        var page = await browser.GetStringAsync($"/playground/callback?code={code}&state={secondState}", TestContext.Current.CancellationToken);

        Assert.Contains("Invalid Params: invalid code", page);
        Assert.Contains("href=\"/troubleshoot/invalid-code", page);
    }

    [Fact]
    public async Task SecretsAppearNowhereInPagesLogsOrDatabase()
    {
        var (callback, _, code) = await portal.ConsentAsync();
        using var browser = portal.Browser();
        var response = await browser.GetAsync(callback, TestContext.Current.CancellationToken);
        var callbackPage = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(PlaygroundLinks.CookieName, StringComparison.Ordinal)).Split(';')[0];
        var links = portal.Services.GetRequiredService<PlaygroundLinks>();
        var link = links.Find(cookie.Split('=', 2)[1])!;
        var (firstAccess, firstRefresh) = (link.Tokens.AccessToken, link.Tokens.RefreshToken);
        // A refresh and a data call, so rotated tokens and bearer headers pass through the client too.
        using (var scope = portal.Services.CreateScope())
        {
            var calls = await scope.ServiceProvider.GetRequiredService<PlaygroundFlow>().RefreshAsync(link, portal.Origin, "test", CancellationToken.None);
            Assert.Equal(4, calls.Count);
            Assert.Equal("Invalid Params: invalid refresh_token", calls[3].Error?.ErrorText);
        }
        var pages = new List<string> { callbackPage };
        foreach (var path in new[] { "/playground", "/sample-data" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookie);
            var page = await (await browser.SendAsync(request, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("data-testid=\"linked-user\"", path == "/playground" ? page : "data-testid=\"linked-user\"");
            pages.Add(page);
        }
        await portal.DisposeAsync();

        var canaries = new Dictionary<string, string>
        {
            ["client secret"] = PlaygroundPortal.CanarySecret, ["code"] = code, ["access token"] = firstAccess, ["refresh token"] = firstRefresh,
            ["rotated access token"] = link.Tokens.AccessToken, ["rotated refresh token"] = link.Tokens.RefreshToken,
        };
        var logs = string.Join('\n', portal.Logs);
        Assert.NotEmpty(portal.Logs);
        SqliteConnection.ClearAllPools();
        var database = string.Concat(portal.DataFolder.GetFiles("*", SearchOption.AllDirectories).Select(ReadShared));
        Assert.Contains("withings-developer-portal", database);
        foreach (var (name, value) in canaries)
        {
            Assert.True(value.Length >= 16, $"{name} is too short to be a meaningful canary");
            Assert.False(pages.Any(p => p.Contains(value, StringComparison.Ordinal)), $"The {name} appears in a rendered page.");
            Assert.False(logs.Contains(value, StringComparison.Ordinal), $"The {name} appears in the logs.");
            Assert.False(database.Contains(value, StringComparison.Ordinal), $"The {name} appears in the database files.");
        }
    }

    private static string ReadShared(FileInfo file)
    {
        using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Encoding.Latin1.GetString(memory.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
