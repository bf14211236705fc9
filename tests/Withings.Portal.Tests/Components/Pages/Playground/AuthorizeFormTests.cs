using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Components.Pages.Playground;
using Withings.Portal.Playground;
using Withings.Portal.Tests.Playground;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Components.Pages.Playground;

/// <summary>
/// The playground's step 1 as a plain form over real HTTP: the authorize2 URL and a pasted code's exchange without a
/// circuit, what bad input is told and keeps, and where the secret and the code never go.
/// </summary>
public sealed partial class AuthorizeFormTests : IAsyncLifetime
{
    private const string OwnSecret = "own-app-canary-secret-51d0c9e2a7";
    private const string ServerComponentMarker = "Blazor:{\"type\":\"server\"";

    private readonly PlaygroundPortal portal = new();
    private HttpClient browser = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        portal.Start();
        browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = portal.BaseAddress };
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task PlaygroundWithoutALinkedUserOpensNoCircuitBeforeOrAfterBuildingTheUrl()
    {
        var page = await browser.GetStringAsync("/playground", Cancel);
        var built = await PostAsync(AuthorizeForm.BuildAction, AllScopes);

        foreach (var html in new[] { page, built })
        {
            Assert.DoesNotContain(ServerComponentMarker, html);
            Assert.DoesNotContain("components-reconnect", html);
        }
    }

    [Fact]
    public async Task BuildingTheUrlHandsOutAStateThePortalRemembers()
    {
        var html = await PostAsync(AuthorizeForm.BuildAction, [(AuthorizeForm.ScopeField, "user.info"), (AuthorizeForm.ScopeField, "user.metrics")]);

        var url = WebUtility.HtmlDecode(AuthorizeUrl().Match(html).Groups["url"].Value);
        Assert.Contains("/sandbox/account/oauth2_user/authorize2?", url);
        Assert.Contains("scope=user.info%2Cuser.metrics", url.Replace(",", "%2C", StringComparison.Ordinal));
        Assert.DoesNotContain("mode=demo", url);
        Assert.Contains("data-testid=\"open-consent\"", html);
        Assert.Contains("<p role=\"status\" class=\"portal-visually-hidden\" data-testid=\"post-status\">authorize2 URL built: the link to open the consent page is below.</p>", html);
        var state = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(url).Query)["state"].ToString();
        Assert.Equal(StateVerdict.Accepted, portal.Services.GetRequiredService<PendingAuthorizations>().Take(state).Verdict);
    }

    [Fact]
    public async Task APortalOpenedOnALoopbackAddressSaysTheCallbackContinuesOnLocalhost()
    {
        var onIp = await PostAsync(AuthorizeForm.BuildAction, AllScopes);
        browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri($"http://localhost:{portal.BaseAddress.Port}"),
        };
        var onLocalhost = await PostAsync(AuthorizeForm.BuildAction, AllScopes);

        Assert.Equal("127.0.0.1", portal.BaseAddress.Host);
        Assert.Matches($"data-testid=\"callback-host-notice\"[\\s\\S]*so this one is on http://localhost:{portal.BaseAddress.Port}: after consent you continue there", onIp);
        Assert.DoesNotContain("callback-host-notice", onLocalhost);
        Assert.Contains("data-testid=\"authorize-url\"", onLocalhost);
    }

    [Fact]
    public async Task NoScopeIsRefusedAndKeepsWhatWasTyped()
    {
        var html = await PostAsync(AuthorizeForm.BuildAction, [(AuthorizeForm.ClientIdField, "my-client"), (AuthorizeForm.CallbackField, "https://partner.example/cb")]);

        Assert.Contains("Choose at least one scope", html);
        Assert.DoesNotContain("data-testid=\"authorize-url\"", html);
        Assert.Contains("value=\"my-client\"", html);
        Assert.Contains("value=\"https://partner.example/cb\"", html);
        Assert.DoesNotMatch("name=\"demo\"[^>]*checked", html);
        Assert.DoesNotMatch("name=\"scope\"[^>]*checked", html);
    }

    [Fact]
    public async Task BadCallbackUrlIsExplainedAndTheSecretIsNotSentBack()
    {
        var html = await PostAsync(AuthorizeForm.BuildAction,
            [.. AllScopes, (AuthorizeForm.ClientIdField, "my-client"), (AuthorizeForm.SecretField, OwnSecret), (AuthorizeForm.CallbackField, "http://partner.example/cb")]);

        Assert.Contains("data-testid=\"own-app-problem\"", html);
        Assert.Contains("https", OwnAppProblem(html));
        Assert.Contains("value=\"my-client\"", html);
        Assert.Contains("value=\"http://partner.example/cb\"", html);
        Assert.DoesNotContain(OwnSecret, html);
        Assert.DoesNotContain("data-testid=\"authorize-url\"", html);
        Assert.Matches("<details[^>]*open[^>]*data-testid=\"own-app\"", html);
        Assert.Matches("href=\"/troubleshoot/invalid-callback-url[^\"]*\"[^>]*data-testid=\"own-app-problem-topic\"", html);
    }

    [Fact]
    public async Task MissingSecretIsAskedForAndTheOtherFieldsKept()
    {
        var html = await PostAsync(AuthorizeForm.BuildAction,
            [.. AllScopes, (AuthorizeForm.ClientIdField, "my-client"), (AuthorizeForm.CallbackField, "https://partner.example/cb")]);

        Assert.Contains("Enter the client id, the secret and the callback URL", OwnAppProblem(html));
        Assert.DoesNotContain("own-app-problem-topic", html);
        Assert.Contains("value=\"my-client\"", html);
        Assert.Contains("value=\"https://partner.example/cb\"", html);
        Assert.Matches("name=\"scope\"[^>]*value=\"user.info\"[^>]*checked", html);
    }

    [Fact]
    public async Task OwnAppRunsTheFlowWithoutItsSecretReachingThePageOrTheLogs()
    {
        var callback = $"http://localhost:{portal.BaseAddress.Port}{PlaygroundSetup.CallbackPath}";

        var html = await PostAsync(AuthorizeForm.BuildAction,
            [.. AllScopes, (AuthorizeForm.ClientIdField, "my-client"), (AuthorizeForm.SecretField, OwnSecret), (AuthorizeForm.CallbackField, callback)]);

        Assert.Contains("The flow now runs as my-client", html);
        Assert.Contains("client_id=my-client", WebUtility.HtmlDecode(AuthorizeUrl().Match(html).Groups["url"].Value));
        Assert.DoesNotContain(OwnSecret, html);
        Assert.DoesNotMatch("name=\"own-secret\"[^>]*value=", html);
        Assert.DoesNotContain(portal.Logs, line => line.Contains(OwnSecret, StringComparison.Ordinal));
    }

    /// <summary>
    /// With a callback of their own, the page said the portal "exchanges [the code] at once", and Back from the consent
    /// page emptied every field: a 64-character client id, the callback and the scopes were typed again while the code's
    /// 30 seconds ran.
    /// </summary>
    [Fact]
    public async Task AForeignCallbackIsToldToPasteTheCodeAndEveryFieldButTheSecretComesBackAfterTheConsentPage()
    {
        var built = await PostAsync(AuthorizeForm.BuildAction, [(AuthorizeForm.ScopeField, "user.info"), (AuthorizeForm.ScopeField, "user.activity"),
            (AuthorizeForm.ClientIdField, "my-client"), (AuthorizeForm.SecretField, OwnSecret), (AuthorizeForm.CallbackField, "https://example.org/cb")]);
        var back = await browser.GetStringAsync("/playground", Cancel);

        var start = built.IndexOf("data-testid=\"after-consent\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no after-consent sentence");
        var afterConsent = WebUtility.HtmlDecode(Tag().Replace(built[start..Math.Min(built.Length, start + 1_000)], " "));
        Assert.Contains("which is not this portal", afterConsent);
        Assert.Contains("paste it under", afterConsent);
        Assert.DoesNotContain("at once", afterConsent);
        Assert.Contains("value=\"my-client\"", back);
        Assert.Contains("value=\"https://example.org/cb\"", back);
        Assert.Matches("name=\"scope\"[^>]*value=\"user.activity\"[^>]*checked", back);
        Assert.DoesNotMatch("name=\"scope\"[^>]*value=\"user.metrics\"[^>]*checked", back);
        Assert.DoesNotContain(OwnSecret, back);
        Assert.DoesNotMatch("name=\"own-secret\"[^>]*value=", back);
    }

    [Fact]
    public async Task ThePortalsOwnCallbackStillExchangesTheCodeAtOnce()
    {
        var built = await PostAsync(AuthorizeForm.BuildAction, AllScopes);

        Assert.Matches("data-testid=\"after-consent\"[^>]*>[\\s\\S]{0,400}which the portal exchanges at once", built);
    }

    [Fact]
    public async Task EmptyCodeIsAskedForAndTheAppFieldsKept()
    {
        var html = await PostAsync(AuthorizeForm.ExchangeAction, [.. AllScopes, (AuthorizeForm.ClientIdField, "my-client"), (AuthorizeForm.CodeField, "  ")]);

        Assert.Contains("Paste the value of the code parameter", html);
        Assert.Contains("data-testid=\"exchange-problem\"", html);
        Assert.Contains("value=\"my-client\"", html);
        Assert.DoesNotContain(ServerComponentMarker, html);
    }

    [Fact]
    public async Task PastedCodeThatLinksAUserShowsTheLinkedUserSectionAndRemembersIt()
    {
        var (_, _, code) = await portal.ConsentAsync();

        var html = await PostAsync(AuthorizeForm.ExchangeAction, [.. AllScopes, (AuthorizeForm.CodeField, code)]);

        Assert.Contains("data-testid=\"exchange-pasted\"", html);
        Assert.Contains("data-testid=\"pasted-status\"", html);
        Assert.Contains("data-testid=\"linked-user\"", html);
        Assert.DoesNotContain(code, html);
        var later = await browser.GetStringAsync("/playground", Cancel);
        Assert.Contains("data-testid=\"linked-user\"", later);
        // Nothing of it is live yet (the countdown is the script's): no circuit until its inbox is subscribed.
        Assert.DoesNotContain(ServerComponentMarker, html);
        Assert.DoesNotContain(ServerComponentMarker, later);
    }

    [Fact]
    public async Task AlreadyExchangedCodeGivesTheInvalidCodeTopicAndNoIsland()
    {
        var (callback, _, code) = await portal.ConsentAsync();
        using (var other = portal.Browser())
        {
            Assert.Contains("data-testid=\"timeline\"", await other.GetStringAsync(callback, Cancel));
        }
        // Past the sandbox's "same arguments within 10 s" rule (601), so the answer is about the code itself.
        portal.Clock.Advance(TimeSpan.FromSeconds(11));

        var html = await PostAsync(AuthorizeForm.ExchangeAction, [.. AllScopes, (AuthorizeForm.CodeField, code)]);

        Assert.Contains("href=\"/troubleshoot/invalid-code", html);
        Assert.DoesNotContain(ServerComponentMarker, html);
        Assert.DoesNotContain(code, html);
        Assert.Contains($"What you pasted has {code.Length} characters, letters, digits and dashes only", html);
    }

    /// <summary>After "invalid code" nothing said what had been pasted, so a paste of the wrong part could not be spotted.</summary>
    [Theory]
    [InlineData("not-a-real-code-123", "What you pasted has 19 characters, letters, digits and dashes only")]
    [InlineData("https://example.org/cb?code=abc123&state=xyz", "it holds more than the code (a URL or \"code=\")")]
    [InlineData("abc123&state=xyz", "it runs on past the code into the next parameter")]
    public async Task ACodeRefusedAsInvalidIsDescribedButNeverShown(string typed, string description)
    {
        var html = await PostAsync(AuthorizeForm.ExchangeAction, [.. AllScopes, (AuthorizeForm.CodeField, typed)]);

        Assert.Contains("href=\"/troubleshoot/invalid-code", html);
        Assert.Contains(description, System.Net.WebUtility.HtmlDecode(html));
        Assert.DoesNotContain(typed, System.Net.WebUtility.HtmlDecode(html));
        Assert.DoesNotMatch(PastedCodeField(".+"), html);
        Assert.Contains("code=&lt;code&gt;", html);
    }

    /// <summary>A code refused for the app (its client id or secret) was not used up: it may still work, so it is not sent back.</summary>
    [Fact]
    public async Task ACodeRefusedForTheAppRatherThanItselfIsNotSentBack()
    {
        var (_, _, code) = await portal.ConsentAsync();
        var callback = $"http://localhost:{portal.BaseAddress.Port}{PlaygroundSetup.CallbackPath}";

        var html = await PostAsync(AuthorizeForm.ExchangeAction,
            [.. AllScopes, (AuthorizeForm.ClientIdField, "my-client"), (AuthorizeForm.SecretField, OwnSecret), (AuthorizeForm.CallbackField, callback),
             (AuthorizeForm.CodeField, code)]);

        Assert.Contains("invalid client id/secret", html);
        Assert.DoesNotContain(code, html);
        Assert.DoesNotMatch(PastedCodeField(".+"), html);
    }

    [Fact]
    public async Task PostWithoutTheAntiforgeryTokenIsRefused()
    {
        var response = await browser.PostAsync("/playground", Form(("_handler", AuthorizeForm.FormName), (AuthorizeForm.ActionField, AuthorizeForm.BuildAction)), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static (string, string)[] AllScopes => [.. Withings.Client.WithingsScopes.All.Select(scope => (AuthorizeForm.ScopeField, scope))];

    /// <summary>Loads /playground for its antiforgery token, then posts the form as the button <paramref name="action"/> would.</summary>
    private async Task<string> PostAsync(string action, (string Key, string Value)[] fields)
    {
        var page = await browser.GetStringAsync("/playground", Cancel);
        var token = AntiforgeryTokenIn(page);
        var response = await browser.PostAsync("/playground",
            Form([("__RequestVerificationToken", token), ("_handler", AuthorizeForm.FormName), (AuthorizeForm.ActionField, action), .. fields]), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    /// <summary>The pasted-code field holding <paramref name="value"/> (a pattern).</summary>
    private static string PastedCodeField(string value) =>
        $"<input id=\"{AuthorizeForm.CodeField}\" name=\"{AuthorizeForm.CodeField}\"[^>]*value=\"{value}\"";

    /// <summary>The text of the own-app problem alert (MudAlert nests it in a few elements).</summary>
    private static string OwnAppProblem(string html)
    {
        var start = html.IndexOf("data-testid=\"own-app-problem\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no own-app problem shown");
        var alert = html[start..Math.Min(html.Length, start + 2_000)];
        return WebUtility.HtmlDecode(Tag().Replace(alert, " "));
    }

    [GeneratedRegex("""data-testid="authorize-url"[^>]*>(?<url>[^<]+)<""")]
    private static partial Regex AuthorizeUrl();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();


    public async ValueTask DisposeAsync()
    {
        browser.Dispose();
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
