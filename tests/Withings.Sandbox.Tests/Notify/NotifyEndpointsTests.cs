using System.Net;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Notify;

public sealed class NotifyEndpointsTests : IDisposable
{
    private const string Callback = "https://partner.example/withings/notify";
    private readonly SandboxFactory factory = new();
    private readonly SandboxClient client;

    public NotifyEndpointsTests() => client = factory.CreateSandboxClient();

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }

    private Task<System.Text.Json.JsonElement> Notify(string access, params (string, string)[] form) =>
        client.PostAsync("/wbsapi/notify", access, form);

    [Fact]
    public async Task SubscribeSendsAHeadToTheCallbackThenListsTheSubscription()
    {
        var (access, _) = await client.LinkAsync();

        var subscribe = await Notify(access, ("action", "subscribe"), ("callbackurl", Callback), ("appli", "1"), ("comment", "weights"));
        var list = await Notify(access, ("action", "list"));

        Assert.Equal(0, subscribe.Status());
        var check = Assert.Single(factory.CallbackChecks);
        Assert.Equal(HttpMethod.Head, check.Method);
        Assert.Equal(Callback, check.RequestUri!.ToString());
        JsonAssertions.EqualJson($$$"""{"status":0,"body":{"profiles":[{"appli":1,"callbackurl":"{{{Callback}}}","expires":2147483647,"comment":"weights"}]}}""", list);
    }

    [Theory]
    [InlineData("https://192.168.1.20/withings", "IP address")]
    [InlineData("https://partner.example:8123/api/webhook/abc", "Port 8123")]
    [InlineData("http://partner.example/withings", "https://")]
    [InlineData("https://localhost/withings", "localhost")]
    public async Task CallbackBreakingTheRulesGives293WithoutAnyRequest(string url, string reason)
    {
        var (access, _) = await client.LinkAsync();

        var answer = await Notify(access, ("action", "subscribe"), ("callbackurl", url), ("appli", "1"));

        Assert.Equal(293, answer.Status());
        Assert.Contains(reason, answer.Error());
        Assert.Empty(factory.CallbackChecks);
    }

    [Fact]
    public async Task UnreachableCallbackGives293()
    {
        var (access, _) = await client.LinkAsync();
        factory.CallbackStatus = HttpStatusCode.NotFound;

        var answer = await Notify(access, ("action", "subscribe"), ("callbackurl", Callback), ("appli", "1"));

        Assert.Equal(293, answer.Status());
        Assert.Contains("HTTP 404", answer.Error());
    }

    [Fact]
    public async Task BedEventsNeedTheSleepEventsScope()
    {
        var (access, _) = await client.LinkAsync(scopes: "user.metrics,user.activity");

        var answer = await Notify(access, ("action", "subscribe"), ("callbackurl", Callback), ("appli", "50"));

        Assert.Contains("user.sleepevents", answer.Error());
    }

    [Fact]
    public async Task GetUpdateAndRevokeWorkOnTheSubscription()
    {
        var (access, _) = await client.LinkAsync();
        await Notify(access, ("action", "subscribe"), ("callbackurl", Callback), ("appli", "44"));

        var updated = await Notify(access, ("action", "update"), ("callbackurl", Callback), ("appli", "44"), ("new_callbackurl", Callback + "/v2"));
        var got = await Notify(access, ("action", "get"), ("callbackurl", Callback + "/v2"), ("appli", "44"));
        var revoked = await Notify(access, ("action", "revoke"), ("callbackurl", Callback + "/v2"), ("appli", "44"));
        var gone = await Notify(access, ("action", "get"), ("callbackurl", Callback + "/v2"), ("appli", "44"));

        Assert.Equal(0, updated.Status());
        Assert.Equal(44, got.Body().GetProperty("appli").GetInt32());
        Assert.Equal(0, revoked.Status());
        Assert.Equal(503, gone.Status());
    }

    [Fact]
    public async Task UpdateTakesExactlyOneChange()
    {
        var (access, _) = await client.LinkAsync();
        await Notify(access, ("action", "subscribe"), ("callbackurl", Callback), ("appli", "1"));

        var answer = await Notify(access, ("action", "update"), ("callbackurl", Callback), ("appli", "1"), ("new_appli", "4"), ("comment", "x"));

        Assert.Contains("exactly one", answer.Error());
    }
}
