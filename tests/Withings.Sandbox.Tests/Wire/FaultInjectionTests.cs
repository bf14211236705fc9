using System.Net;
using System.Text.Json;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Wire;

public sealed class FaultInjectionTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private async Task<HttpResponseMessage> CallWithFaultAsync(string fault)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/wbsapi/measure") { Content = new FormUrlEncodedContent([new("action", "getmeas")]) };
        request.Headers.Add("X-Sandbox-Fault", fault);
        return await fixture.Factory.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task Status500IsAnHttpError()
    {
        var response = await CallWithFaultAsync("status=500");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task MaintenanceIsAn503HtmlPageWithRetryAfter()
    {
        var response = await CallWithFaultAsync("maintenance");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(600), response.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task MalformedIsTruncatedJson()
    {
        var response = await CallWithFaultAsync("malformed");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Theory]
    [InlineData("522", 522, "Timeout")]
    [InlineData("2555", 2555, "An unknown error occurred")]
    public async Task BodyStatusFaultsAreHttp200(string fault, int status, string error)
    {
        var response = await CallWithFaultAsync(fault);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(status, body.Status());
        Assert.Equal(error, body.Error());
    }

    [Fact]
    public async Task UnknownFaultIsExplained()
    {
        var response = await CallWithFaultAsync("explode");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("latency=ms", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LatencyWaitsOnTheClockThenAnswers()
    {
        var pending = CallWithFaultAsync("latency=1500");
        while (!pending.IsCompleted && fixture.Factory.Time.GetUtcNow() < new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero))
        {
            fixture.Factory.Time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(20);
        }

        var body = JsonDocument.Parse(await (await pending).Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(503, body.Status());
    }

    [Fact]
    public async Task ConfiguredFaultAppliesToEveryCall()
    {
        var factory = new SandboxFactory();
        factory.Settings["Sandbox:Fault"] = "2555";

        var response = await factory.CreateClient().PostAsync("/wbsapi/v2/user", null);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(2555, body.Status());
        await factory.DisposeAsync();
        factory.DeleteData();
    }

    [Fact]
    public async Task HeaderFaultsCanBeTurnedOff()
    {
        var factory = new SandboxFactory();
        factory.Settings["Sandbox:AllowFaultHeader"] = "false";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/wbsapi/v2/user");
        request.Headers.Add("X-Sandbox-Fault", "status=500");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await factory.DisposeAsync();
        factory.DeleteData();
    }
}
