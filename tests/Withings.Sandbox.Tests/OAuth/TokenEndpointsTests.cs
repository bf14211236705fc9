using System.Net;
using Withings.Sandbox.Data;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.OAuth;

public sealed class TokenEndpointsTests : IDisposable
{
    private readonly SandboxFactory factory = new();
    private readonly SandboxClient client;

    public TokenEndpointsTests() => client = factory.CreateSandboxClient();

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }

    [Fact]
    public async Task CodeExchangeReturnsBearerTokensForThreeHours()
    {
        var answer = await client.ExchangeAsync(await client.AuthorizeAsync(scopes: "user.metrics,user.activity"));

        Assert.Equal(0, answer.Status());
        var body = answer.Body();
        Assert.Equal("38100001", body.GetProperty("userid").GetString());
        Assert.Matches("^[0-9a-f]{40}$", body.GetProperty("access_token").GetString());
        Assert.Matches("^[0-9a-f]{40}$", body.GetProperty("refresh_token").GetString());
        Assert.Equal(10800, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal("user.metrics,user.activity", body.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task CodeOlderThanThirtySecondsGivesTheCapturedInvalidCodeBody()
    {
        var code = await client.AuthorizeAsync();
        client.Advance(TimeSpan.FromSeconds(31));

        var answer = await client.ExchangeAsync(code);

        JsonAssertions.EqualJson(File.ReadAllText("Fixtures/observed-multi__token_invalid_code_503.json"), answer);
    }

    [Fact]
    public async Task CodeWithinThirtySecondsIsAccepted()
    {
        var code = await client.AuthorizeAsync();
        client.Advance(TimeSpan.FromSeconds(29));

        Assert.Equal(0, (await client.ExchangeAsync(code)).Status());
    }

    [Fact]
    public async Task UsedCodeGivesInvalidCode()
    {
        var code = await client.AuthorizeAsync();
        await client.ExchangeAsync(code);
        client.Advance(TimeSpan.FromSeconds(11));

        var answer = await client.ExchangeAsync(code);

        Assert.Equal(503, answer.Status());
        Assert.Equal("Invalid Params: invalid code", answer.Error());
    }

    [Fact]
    public async Task SameExchangeWithinTenSecondsGives601WithWaitSeconds()
    {
        var code = await client.AuthorizeAsync();
        await client.ExchangeAsync(code);
        client.Advance(TimeSpan.FromSeconds(3));

        var answer = await client.ExchangeAsync(code);

        Assert.Equal(601, answer.Status());
        Assert.Equal("Same arguments in less than 10 seconds", answer.Error());
        Assert.Equal(7, answer.Body().GetProperty("wait_seconds").GetInt32());
    }

    [Fact]
    public async Task RedirectUriDifferentFromAuthorizeIsRefused()
    {
        var code = await client.AuthorizeAsync();

        var answer = await client.ExchangeAsync(code, redirectUri: "https://partner.example/other");

        Assert.Equal(503, answer.Status());
        Assert.Contains("redirect_uri_mismatch", answer.Error());
    }

    [Fact]
    public async Task WrongSecretGivesTheCapturedInvalidClientBody()
    {
        var answer = await client.ExchangeAsync(await client.AuthorizeAsync(), secret: "not-the-secret");

        JsonAssertions.EqualJson(File.ReadAllText("Fixtures/observed-code-comment__token_invalid_client_secret_503.json"), answer);
    }

    [Fact]
    public async Task UnknownClientIdGivesInvalidClientIdSecret()
    {
        var answer = await client.ExchangeAsync(await client.AuthorizeAsync(), clientId: "unknown-client");

        Assert.Equal("Invalid Params: invalid client id/secret", answer.Error());
    }

    [Fact]
    public async Task ParametersInTheQueryStringGiveInvalidGrantType()
    {
        var code = await client.AuthorizeAsync();
        var query = $"action=requesttoken&grant_type=authorization_code&client_id={SandboxFactory.DemoClientId}" +
                    $"&client_secret={SandboxFactory.DemoSecret}&code={code}&redirect_uri={Uri.EscapeDataString(SandboxFactory.DemoCallback)}";

        var post = await client.PostAsync("/wbsapi/v2/oauth2?" + query);
        var get = await client.GetAsync("/wbsapi/v2/oauth2?" + query);

        Assert.Equal("Invalid Params: invalid grant_type", post.Error());
        Assert.Equal("Invalid Params: invalid grant_type", get.Error());
    }

    [Fact]
    public async Task MissingClientIdSaysItWasNotSpecified()
    {
        var answer = await client.PostAsync("/wbsapi/v2/oauth2", ("action", "requesttoken"), ("grant_type", "authorization_code"), ("code", "abc"));

        Assert.Equal(503, answer.Status());
        Assert.Equal("invalid_request: The client ID was not specified in the request", answer.Error());
    }

    [Fact]
    public async Task UnknownActionIsNotImplemented()
    {
        var answer = await client.PostAsync("/wbsapi/v2/oauth2", ("action", "gettoken"));

        Assert.Equal(2554, answer.Status());
    }

    [Fact]
    public async Task RefreshRotatesBothTokens()
    {
        var (access, refresh) = await client.LinkAsync();

        var body = (await client.RefreshAsync(refresh)).Body();

        Assert.NotEqual(access, body.GetProperty("access_token").GetString());
        Assert.NotEqual(refresh, body.GetProperty("refresh_token").GetString());
    }

    [Fact]
    public async Task OldRefreshTokenWorksUntilTheNewAccessTokenIsUsed()
    {
        var (_, refresh) = await client.LinkAsync();
        var newAccess = (await client.RefreshAsync(refresh)).Body().GetProperty("access_token").GetString()!;
        client.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(0, (await client.RefreshAsync(refresh)).Status());

        await client.PostAsync("/wbsapi/v2/user", newAccess, ("action", "getdevice"));
        client.Advance(TimeSpan.FromSeconds(11));

        JsonAssertions.EqualJson(File.ReadAllText("Fixtures/withings4j__OAuth_OAuth20-RefreshyouraccesstokenException.json"), await client.RefreshAsync(refresh));
    }

    [Fact]
    public async Task OldRefreshTokenDiesEightHoursAfterRotation()
    {
        var (_, refresh) = await client.LinkAsync();
        await client.RefreshAsync(refresh);
        client.Advance(TimeSpan.FromHours(8));

        Assert.Equal("Invalid Params: invalid refresh_token", (await client.RefreshAsync(refresh)).Error());
    }

    [Fact]
    public async Task AccessTokenExpiresAfterThreeHours()
    {
        var (access, _) = await client.LinkAsync();
        client.Advance(TimeSpan.FromHours(3));

        var answer = await client.PostAsync("/wbsapi/v2/user", access, ("action", "getdevice"));

        JsonAssertions.EqualJson(File.ReadAllText("Fixtures/observed-multi__data_invalid_access_token_401.json"), answer);
    }

    [Fact]
    public async Task DeletedUsersRefreshGivesInvalidRefreshToken()
    {
        var (access, refresh) = await client.LinkAsync(SimulatedUsers.DeletedUserId);

        Assert.Equal(401, (await client.PostAsync("/wbsapi/v2/user", access, ("action", "getdevice"))).Status());
        Assert.Equal("Invalid Params: invalid refresh_token", (await client.RefreshAsync(refresh)).Error());
    }

    [Fact]
    public async Task OAuth1ParametersGive342()
    {
        var answer = await client.PostAsync("/wbsapi/v2/oauth2", ("action", "requesttoken"), ("oauth_consumer_key", "abc"), ("oauth_signature", "xyz"));

        Assert.Equal(342, answer.Status());
        Assert.Equal("The signature (using Oauth) is invalid", answer.Error());
    }

    [Fact]
    public async Task TokenAnswersAreNeverCached()
    {
        var response = await client.Http.PostAsync("/wbsapi/v2/oauth2", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
