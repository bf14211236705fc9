using System.Globalization;
using Withings.Client;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.OAuth;

public sealed class SignatureEndpointsTests : IDisposable
{
    private readonly SandboxFactory factory = new();
    private readonly SandboxClient client;

    public SignatureEndpointsTests() => client = factory.CreateSandboxClient();

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }

    private long Now => factory.Time.GetUtcNow().ToUnixTimeSeconds();

    private Task<System.Text.Json.JsonElement> GetNonceAsync(long timestamp, string? signature = null) =>
        client.PostAsync("/wbsapi/v2/signature", ("action", "getnonce"), ("client_id", SandboxFactory.DemoClientId),
            ("timestamp", timestamp.ToString(CultureInfo.InvariantCulture)),
            ("signature", signature ?? WithingsSignature.ForNonce(SandboxFactory.DemoSecret, SandboxFactory.DemoClientId, timestamp)));

    [Fact]
    public async Task SignedGetnonceReturnsANonce()
    {
        var answer = await GetNonceAsync(Now);

        Assert.Equal(0, answer.Status());
        Assert.Matches("^[0-9a-f]{40}$", answer.Body().GetProperty("nonce").GetString());
    }

    [Fact]
    public async Task WrongSignatureIsRefused()
    {
        var answer = await GetNonceAsync(Now, WithingsSignature.ForNonce("wrong-secret", SandboxFactory.DemoClientId, Now));

        Assert.Equal("Invalid Params: invalid signature", answer.Error());
    }

    [Fact]
    public async Task StaleTimestampIsRefused()
    {
        var answer = await GetNonceAsync(Now - 3600);

        Assert.Equal("Invalid Params: invalid timestamp", answer.Error());
    }

    [Fact]
    public async Task SignedCodeExchangeWorksAndTheNonceCannotBeReused()
    {
        var nonce = (await GetNonceAsync(Now)).Body().GetProperty("nonce").GetString()!;
        var signature = WithingsSignature.ForAction(SandboxFactory.DemoSecret, "requesttoken", SandboxFactory.DemoClientId, nonce);
        Task<System.Text.Json.JsonElement> ExchangeAsync(string code) => client.PostAsync("/wbsapi/v2/oauth2",
            ("action", "requesttoken"), ("grant_type", "authorization_code"), ("client_id", SandboxFactory.DemoClientId),
            ("nonce", nonce), ("signature", signature), ("code", code), ("redirect_uri", SandboxFactory.DemoCallback));

        var first = await ExchangeAsync(await client.AuthorizeAsync());
        var second = await ExchangeAsync(await client.AuthorizeAsync());

        Assert.Equal(0, first.Status());
        Assert.Equal("Invalid Params: invalid nonce", second.Error());
    }

    [Fact]
    public async Task NonceExpiresAfterThirtyMinutes()
    {
        var nonce = (await GetNonceAsync(Now)).Body().GetProperty("nonce").GetString()!;
        client.Advance(TimeSpan.FromMinutes(30));

        var answer = await client.PostAsync("/wbsapi/v2/oauth2", ("action", "requesttoken"), ("grant_type", "refresh_token"),
            ("client_id", SandboxFactory.DemoClientId), ("nonce", nonce),
            ("signature", WithingsSignature.ForAction(SandboxFactory.DemoSecret, "requesttoken", SandboxFactory.DemoClientId, nonce)),
            ("refresh_token", "whatever"));

        Assert.Equal("Invalid Params: invalid nonce", answer.Error());
    }
}
