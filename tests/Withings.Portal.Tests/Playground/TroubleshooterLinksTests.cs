using Microsoft.Extensions.DependencyInjection;
using Withings.Client;
using Withings.Portal.Playground;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Playground;

/// <summary>
/// A failed playground call links the topic that fixes it. The answers are the embedded sandbox's (its wordings for a
/// missing date, a missing callback URL, a scope not granted), which share their status with other problems.
/// </summary>
public sealed class TroubleshooterLinksTests : IAsyncLifetime
{
    private readonly PortalFactory portal = new();
    private TroubleshooterLinks links = null!;

    public ValueTask InitializeAsync()
    {
        links = portal.Services.GetRequiredService<TroubleshooterLinks>();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => portal.DisposeAsync();

    [Theory]
    [InlineData("data", "getactivity", "/sandbox/v2/measure", "action=getactivity&startdateymd=&enddateymd=", 503,
        "Invalid Params: send startdateymd and enddateymd (YYYY-MM-DD), or lastupdate (Unix seconds)", "invalid-params-data-call")]
    [InlineData("data", "get", "/sandbox/v2/sleep", "action=get", 503,
        "Invalid Params: send startdateymd and enddateymd (YYYY-MM-DD), or lastupdate (Unix seconds)", "invalid-params-data-call")]
    [InlineData("notify", "subscribe", "/sandbox/notify", "action=subscribe&callbackurl=&appli=1", 503,
        "Invalid Params: callbackurl is missing", "notification-callback")]
    [InlineData("notify", "get", "/sandbox/notify", "action=get&callbackurl=&appli=1", 503,
        "Invalid Params: callbackurl is missing", "notification-callback")]
    [InlineData("data", "getactivity", "/sandbox/v2/measure", "action=getactivity&startdateymd=2026-11-30&enddateymd=2026-12-07", 401,
        "XRequestID: Not provided insufficient_scope: The request requires higher privileges than provided by the access token (scope user.activity was not granted)",
        "missing-scope")]
    [InlineData("data", "getmeas", "/sandbox/measure", "action=getmeas&meastypes=1&category=1", 401,
        "XRequestID: Not provided invalid_token: The access token provided is invalid", "invalid-access-token")]
    public void AFailedCallLinksTheTopicItsAnswerAndCallPointTo(string endpoint, string action, string path, string form, int status,
        string error, string topic)
    {
        var call = Call(endpoint, action, path, form, status, error);

        var link = links.For(call);

        Assert.NotNull(link);
        Assert.Equal($"/troubleshoot/{topic}", link.Url.Split('?')[0]);
    }

    [Fact]
    public void AnAnswerWithoutWordsStillLinksATopicOfItsStatus()
    {
        var call = Call("data", "getmeas", "/sandbox/measure", "action=getmeas", 503, "zzz");

        var link = links.For(call);

        Assert.NotNull(link);
        var forStatus = portal.Services.GetRequiredService<Portal.Troubleshooting.Topics.TopicLibrary>().Current.TopicsForStatus(503);
        Assert.Contains(link.Url.Split('?')[0], forStatus.Select(t => t.Url));
    }

    [Fact]
    public void AnErrorNoTopicNamesKeepsItsStatusFamilysAdvice()
    {
        var call = Call("data", "getmeas", "/sandbox/measure", "action=getmeas", 503, "zzz");

        Assert.Equal("Status 503: zzz. Check the tokens and the parameters.", links.Explain(call.Error!));
    }

    [Fact]
    public void AnErrorATopicNamesIsExplainedWithoutTheFamilysAdvice()
    {
        var call = Call("data", "getmeas", "/sandbox/measure", "action=getmeas", 503, "User is temporarily deactivated");

        Assert.Equal("Status 503: User is temporarily deactivated.", links.Explain(call.Error!));
    }

    [Fact]
    public void TheCallIsReadAsAWithingsCallWithoutThePortalsOwnHost()
    {
        var call = Call("data", "getactivity", "/sandbox/v2/measure", "action=getactivity", 503, "Invalid Params");

        var pasted = TroubleshooterLinks.AsPasted(call);

        Assert.StartsWith("Withings API data call (action=getactivity): POST /sandbox/v2/measure\n", pasted, StringComparison.Ordinal);
        Assert.DoesNotContain("portal.example", pasted, StringComparison.Ordinal);
    }

    private static PlaygroundExchange Call(string endpoint, string action, string path, string form, int status, string error)
    {
        var body = $$"""{"status":{{status}},"error":"{{error}}"}""";
        var exchange = new HttpExchange("POST", $"https://portal.example{path}",
            [KeyValuePair.Create("Authorization", "Bearer <access_token>")], form, 200,
            [KeyValuePair.Create("Content-Type", "application/json")], body, 12);
        var failure = new WithingsError(WithingsErrorKind.ApiStatus, status, $"Status {status}: {error}", error);
        return new PlaygroundExchange("A call", exchange, failure, null, "", endpoint, Action: action);
    }
}
