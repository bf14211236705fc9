using Withings.Client.Tests.Infrastructure;

namespace Withings.Client.Tests.Results;

/// <summary>The exchange a call returns: secrets replaced by labelled placeholders everywhere, and a curl rendering.</summary>
public sealed class HttpExchangeTests : IDisposable
{
    private const string AccessToken = "a508999978b28369eebf173ef78f2f248321e163";
    private const string RefreshToken = "296ab698174e87e29417a24032aa88f14baaebd7";
    private const string CsrfToken = "f27164ef57d6395dc433dd09579b2825";
    private readonly ClientHarness harness = new(_ => ClientHarness.Json(
        $$$"""{"status":0,"body":{"userid":"27718374","access_token":"{{{AccessToken}}}","refresh_token":"{{{RefreshToken}}}","scope":"user.metrics","expires_in":10800,"csrf_token":"{{{CsrfToken}}}","token_type":"Bearer"}}"""));

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task CodeExchangeHidesTheSecretTheCodeAndTheIssuedTokens()
    {
        var result = await harness.Client.ExchangeCodeAsync("c0de-value-1234", cancellationToken: TestContext.Current.CancellationToken);
        var exchange = result.Exchange;

        Assert.True(result.IsSuccess);
        Assert.Equal(AccessToken, result.Body.AccessToken);
        Assert.Contains("client_secret=<client_secret>", exchange.RequestBody);
        Assert.Contains("code=<code>", exchange.RequestBody);
        Assert.DoesNotContain("s3cr3t", exchange.RequestBody);
        Assert.Contains("\"access_token\":\"<access_token>\"", exchange.ResponseBody);
        Assert.Contains("\"refresh_token\":\"<refresh_token>\"", exchange.ResponseBody);
        Assert.DoesNotContain(AccessToken, exchange.ToCurl() + exchange.ResponseBody);
        Assert.Contains("\"csrf_token\":\"<csrf_token>\"", exchange.ResponseBody);
    }

    [Fact]
    public async Task BearerTokenIsHiddenInTheHeaders()
    {
        var result = await harness.Client.GetDevicesAsync(AccessToken, TestContext.Current.CancellationToken);

        Assert.Contains(result.Exchange.RequestHeaders, h => h.Key == "Authorization" && h.Value == "Bearer <access_token>");
        Assert.DoesNotContain(AccessToken, string.Join(' ', result.Exchange.RequestHeaders.Select(h => h.Value)));
    }

    [Fact]
    public async Task SignedCallsHideSignatureAndNonce()
    {
        var nonce = await harness.Client.GetNonceAsync(cancellationToken: TestContext.Current.CancellationToken);
        var exchange = (await harness.Client.RefreshSignedAsync(RefreshToken, "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", cancellationToken: TestContext.Current.CancellationToken)).Exchange;

        Assert.Contains("signature=<signature>", nonce.Exchange.RequestBody);
        Assert.Contains("timestamp=1594257200", nonce.Exchange.RequestBody);
        Assert.Contains("nonce=<nonce>", exchange.RequestBody);
        Assert.Contains("refresh_token=<refresh_token>", exchange.RequestBody);
    }

    [Fact]
    public async Task CurlRenderingIsPasteableWithPlaceholders()
    {
        var exchange = (await harness.Client.RefreshAsync(RefreshToken, cancellationToken: TestContext.Current.CancellationToken)).Exchange;

        Assert.Equal(
            "curl -X POST 'https://wbsapi.withings.net/v2/oauth2' \\\n" +
            "  -H 'Content-Type: application/x-www-form-urlencoded' \\\n" +
            "  --data 'action=requesttoken&grant_type=refresh_token&client_id=client-id-123&client_secret=<client_secret>&refresh_token=<refresh_token>'",
            exchange.ToCurl());
    }

    [Fact]
    public void CurlLeavesOutTheCallersTraceHeaders()
    {
        var exchange = new HttpExchange("GET", "https://x.example/a",
            [KeyValuePair.Create("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), KeyValuePair.Create("tracestate", "a=b"),
             KeyValuePair.Create("Authorization", "Bearer <access_token>")], null, null, [], null, 0);

        Assert.Equal("curl 'https://x.example/a' \\\n  -H 'Authorization: Bearer <access_token>'", exchange.ToCurl());
    }

    [Fact]
    public void CurlQuotesSingleQuotes()
    {
        var exchange = new HttpExchange("POST", "https://x.example/a", [], "comment=it's", null, [], null, 0);

        Assert.Equal("curl -X POST 'https://x.example/a' \\\n  --data 'comment=it'\\''s'", exchange.ToCurl());
    }
}
