using System.Net;
using Withings.Client.Tests.Infrastructure;

namespace Withings.Client.Tests;

public class WithingsClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void AuthorizeUrlCarriesScopesStateRedirectAndDemoMode()
    {
        using var harness = new ClientHarness(_ => ClientHarness.Json("{}"), o => o.AccountBaseUrl = "https://portal.example/sandbox/account/");

        var url = harness.Client.BuildAuthorizeUrl([WithingsScopes.Metrics, WithingsScopes.Activity], "st@te", demo: true);

        Assert.Equal("https://portal.example/sandbox/account/oauth2_user/authorize2?response_type=code&client_id=client-id-123" +
                     "&scope=user.metrics%2Cuser.activity&redirect_uri=https%3A%2F%2Fpartner.example%2Fcb&state=st%40te&mode=demo", url.ToString());
    }

    [Fact]
    public async Task DataCallsGoToTheApiBaseAsFormPostsWithABearerToken()
    {
        using var harness = new ClientHarness(_ => ClientHarness.Json("""{"status":0,"body":{"devices":[]}}"""), o => o.ApiBaseUrl = "http://127.0.0.1:9/sandbox/wbsapi");

        await harness.Client.GetActivityAsync("tok", new DayRangeQuery(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 9), DataFields: ["steps"]), Ct);

        var request = Assert.Single(harness.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://127.0.0.1:9/sandbox/wbsapi/v2/measure", request.RequestUri!.ToString());
        Assert.Equal("Bearer tok", request.Headers.Authorization!.ToString());
        Assert.Equal("action=getactivity&startdateymd=2026-03-01&enddateymd=2026-03-09&data_fields=steps", Assert.Single(harness.Bodies));
    }

    [Fact]
    public async Task TokenCallsAreNeverRetried()
    {
        using var harness = new ClientHarness(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

        var exchange = await harness.Client.ExchangeCodeAsync("code-1234", cancellationToken: Ct);
        var refresh = await harness.Client.RefreshAsync("refresh-1234", cancellationToken: Ct);
        var nonce = await harness.Client.GetNonceAsync(cancellationToken: Ct);

        Assert.Equal(3, harness.Requests.Count);
        Assert.Equal(WithingsErrorKind.HttpStatus, exchange.Error!.Kind);
        Assert.Equal(WithingsErrorKind.HttpStatus, refresh.Error!.Kind);
        Assert.Equal(WithingsErrorKind.HttpStatus, nonce.Error!.Kind);
    }

    [Fact]
    public async Task DataReadsAreRetriedOnTransientFailures()
    {
        var calls = 0;
        using var harness = new ClientHarness(_ => ++calls < 3
            ? new HttpResponseMessage(HttpStatusCode.BadGateway)
            : ClientHarness.Json("""{"status":0,"body":{"goals":[]}}"""));

        var result = await harness.Client.GetGoalsAsync("tok", Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task WithingsStatusErrorsAreNotRetried()
    {
        using var harness = new ClientHarness(_ => ClientHarness.Json("""{"status":401,"body":{},"error":"XRequestID: Not provided invalid_token: The access token provided is invalid"}"""));

        var result = await harness.Client.GetMeasuresAsync("expired", cancellationToken: Ct);

        Assert.Single(harness.Requests);
        Assert.Equal(401, result.Error!.Status);
        Assert.Equal("Authentication failed", result.Error.Family);
        Assert.Equal("Check the tokens.", result.Error.Advice);
    }

    [Fact]
    public async Task ARefusedCallbackIsExplainedWithOneFullStopAndCallbackAdvice()
    {
        using var harness = new ClientHarness(_ => ClientHarness.Json("""{"status":293,"body":{},"error":"Invalid Params: the callback URL cannot be used: The URL uses http://: Withings only accepts https:// callback URLs."}"""));

        var result = await harness.Client.GetMeasuresAsync("token", cancellationToken: Ct);

        Assert.DoesNotContain("..", result.Error!.Explained);
        Assert.StartsWith(result.Error.Message + " ", result.Error.Explained);
        Assert.EndsWith(WithingsStatusCodes.AdviceForStatus(293), result.Error.Explained);
        Assert.DoesNotContain("tokens", result.Error.Advice);
    }

    [Fact]
    public async Task NetworkFailureIsATypedError()
    {
        using var harness = new ClientHarness(_ => throw new HttpRequestException("Name or service not known (wbsapi.withings.com:443)"), o => o.DataReadRetries = 0);

        var result = await harness.Client.GetDevicesAsync("tok", Ct);

        Assert.Equal(WithingsErrorKind.Network, result.Error!.Kind);
        Assert.Contains("Name or service not known", result.Error.Message);
        Assert.Null(result.Exchange.ResponseStatusCode);
        Assert.Equal("https://wbsapi.withings.net/v2/user", result.Exchange.Url);
    }

    [Fact]
    public async Task MalformedJsonIsATypedError()
    {
        using var harness = new ClientHarness(_ => ClientHarness.Json("""{"status":0,"body":{"measuregrps":[{"grpid":48"""));

        var result = await harness.Client.GetMeasuresAsync("tok", cancellationToken: Ct);

        Assert.Equal(WithingsErrorKind.MalformedResponse, result.Error!.Kind);
        Assert.Contains("measuregrps", result.Exchange.ResponseBody);
    }

    [Fact]
    public async Task MaintenancePageIsAnHttpStatusError()
    {
        using var harness = new ClientHarness(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("<h1>Maintenance</h1>") },
            o => o.DataReadRetries = 0);

        var result = await harness.Client.ListHeartAsync("tok", cancellationToken: Ct);

        Assert.Equal(WithingsErrorKind.HttpStatus, result.Error!.Kind);
        Assert.Equal("HTTP 503 Service Unavailable", result.Error.Message);
        Assert.Equal(503, result.Exchange.ResponseStatusCode);
    }
}
