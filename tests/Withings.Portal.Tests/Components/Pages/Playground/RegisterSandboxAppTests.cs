using System.Net;
using System.Text.RegularExpressions;
using Withings.Portal.Components.Pages.Playground;
using Withings.Portal.Playground;
using Withings.Portal.Tests.Infrastructure;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Components.Pages.Playground;

/// <summary>
/// <c>/playground/apps</c> as a plain form over HTTP: no circuit, the dashboard's rules explained with what was typed
/// kept, the secret shown once in an answer no cache keeps, and the per-address limit in its own words.
/// </summary>
public sealed partial class RegisterSandboxAppTests : IAsyncLifetime
{
    private const string ServerComponentMarker = "Blazor:{\"type\":\"server\"";
    private readonly PortalFactory portal = new() { Settings = { ["Playground:AppRegistrationsPerHour"] = "2" } };
    private HttpClient browser = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        browser = portal.CreateClient();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task RegisteringOpensNoCircuitAndShowsTheSecretOnceInAnAnswerNoCacheKeeps()
    {
        var page = await browser.GetStringAsync("/playground/apps", Cancel);
        var response = await RegisterAsync("My app", "https://partner.example/withings/callback");
        var html = await response.Content.ReadAsStringAsync(Cancel);

        foreach (var answer in new[] { page, html })
        {
            Assert.DoesNotContain(ServerComponentMarker, answer);
            Assert.DoesNotContain("components-reconnect", answer);
        }
        Assert.Contains("My app is registered", html);
        Assert.Matches(Secret(), html);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task AnHttpCallbackIsExplainedAndWhatWasTypedIsKept()
    {
        var response = await RegisterAsync("My app", "http://localhost:3000/callback");
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Contains("data-testid=\"register-problems\"", html);
        Assert.Contains("https", html[html.IndexOf("register-problems", StringComparison.Ordinal)..]);
        Assert.Contains("value=\"http://localhost:3000/callback\"", html);
        Assert.Contains("value=\"My app\"", html);
        Assert.DoesNotContain("is registered", html);
    }

    /// <summary>Refused callback URLs were explained without a way to the topic that covers the dashboard's rules.</summary>
    [Fact]
    public async Task RefusedCallbackUrlsLinkTheInvalidCallbackUrlTopicAndAMissingNameAloneDoesNot()
    {
        var refusedUrls = await (await RegisterAsync("My app", "http://localhost:8080/cb, https://127.0.0.1/x")).Content.ReadAsStringAsync(Cancel);
        var noName = await (await RegisterAsync("", "https://partner.example/cb")).Content.ReadAsStringAsync(Cancel);

        Assert.Matches("""data-testid="register-problems"[\s\S]*href="/troubleshoot/invalid-callback-url[^"]*"[^>]*data-testid="register-problems-topic""", refusedUrls);
        Assert.Contains("value=\"http://localhost:8080/cb, https://127.0.0.1/x\"", refusedUrls);
        Assert.Contains("data-testid=\"register-problems\"", noName);
        Assert.DoesNotContain("register-problems-topic", noName);
    }

    [Fact]
    public async Task RegistrationsBeyondTheHourlyLimitAreRefusedWithItsMessage()
    {
        for (var i = 0; i < 2; i++)
        {
            Assert.Contains("is registered", await (await RegisterAsync($"App {i}", "https://partner.example/cb")).Content.ReadAsStringAsync(Cancel));
        }

        var html = await (await RegisterAsync("One more", "https://partner.example/cb")).Content.ReadAsStringAsync(Cancel);

        Assert.Contains(WebUtility.HtmlEncode(PlaygroundCallLimiter.RegistrationRefusal), html);
        Assert.DoesNotContain("is registered", html);
    }

    private async Task<HttpResponseMessage> RegisterAsync(string name, string callbacks)
    {
        var page = await browser.GetStringAsync("/playground/apps", Cancel);
        var token = AntiforgeryTokenIn(page);
        var response = await browser.PostAsync("/playground/apps", Form(("__RequestVerificationToken", token), ("_handler", RegisterSandboxApp.FormName),
            (RegisterSandboxApp.NameField, name), (RegisterSandboxApp.CallbacksField, callbacks)), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    [GeneratedRegex("""<code id="new-secret">[0-9a-f]{32,}</code>""")]
    private static partial Regex Secret();


    public async ValueTask DisposeAsync()
    {
        browser.Dispose();
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
