using Withings.Sandbox.Data;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.DataCalls;

/// <summary>The checks every data service shares: request styles, token, scope, action, user state, parameters.</summary>
public sealed class DataCallRulesTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly SandboxClient client = fixture.Factory.CreateSandboxClient();

    [Fact]
    public async Task DocumentedStylePostFormWithBearerWorks()
    {
        var (access, _) = await client.LinkAsync();

        Assert.Equal(0, (await client.PostAsync("/wbsapi/measure", access, ("action", "getmeas"))).Status());
    }

    [Fact]
    public async Task GetWithQueryParametersAndAccessTokenInTheQueryWorks()
    {
        var (access, _) = await client.LinkAsync();

        Assert.Equal(0, (await client.GetAsync($"/wbsapi/measure?action=getmeas&meastypes=1,4&access_token={access}")).Status());
    }

    [Fact]
    public async Task PostWithActionInTheQueryAndTokenInTheBodyWorks()
    {
        var (access, _) = await client.LinkAsync();

        Assert.Equal(0, (await client.PostAsync("/wbsapi/measure?action=getmeas", ("access_token", access))).Status());
    }

    [Fact]
    public async Task NoTokenGivesTheCapturedMissingAccessTokenBody()
    {
        var answer = await client.PostAsync("/wbsapi/measure", ("action", "getmeas"));

        JsonAssertions.EqualJson("""{"error":"Invalid Params: Missing [access_token]","status":503}""", answer);
    }

    [Fact]
    public async Task TokenSentAsBasicAuthIsNotSeen()
    {
        var (access, _) = await client.LinkAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/wbsapi/measure") { Content = new FormUrlEncodedContent([new("action", "getmeas")]) };
        request.Headers.Authorization = new("Basic", access);

        Assert.Equal(503, (await client.SendAsync(request)).Status());
    }

    [Fact]
    public async Task WrongTokenGivesTheCapturedInvalidTokenBody()
    {
        var answer = await client.PostAsync("/wbsapi/v2/sleep", "0123456789abcdef0123456789abcdef01234567", ("action", "getsummary"));

        JsonAssertions.EqualJson(File.ReadAllText("Fixtures/observed-multi__data_invalid_access_token_401.json"), answer);
    }

    [Theory]
    [InlineData("/wbsapi/measure", "getmeas", "user.metrics")]
    [InlineData("/wbsapi/v2/heart", "list", "user.metrics")]
    [InlineData("/wbsapi/v2/measure", "getworkouts", "user.activity")]
    [InlineData("/wbsapi/v2/sleep", "getsummary", "user.activity")]
    public async Task ScopeNotGrantedIsRefused(string path, string action, string scope)
    {
        var (access, _) = await client.LinkAsync(scopes: "user.info");

        var answer = await client.PostAsync(path, access, ("action", action), ("startdateymd", "2026-03-01"), ("enddateymd", "2026-03-09"));

        Assert.Equal(401, answer.Status());
        Assert.Contains($"insufficient_scope", answer.Error());
        Assert.Contains(scope, answer.Error());
    }

    [Theory]
    [InlineData("/wbsapi/measure", "getmeasure")]
    [InlineData("/wbsapi/v2/measure", "getmeas")]
    [InlineData("/wbsapi/v2/user", "get")]
    [InlineData("/wbsapi/v2/measures", "getactivity")]
    [InlineData("/wbsapi/measure", "")]
    public async Task UnknownActionOrServiceIsNotImplemented(string path, string action)
    {
        var answer = await client.PostAsync(path, ("action", action));

        JsonAssertions.EqualJson("""{"status":2554,"body":{},"error":"Not implemented"}""", answer);
    }

    [Fact]
    public async Task DeactivatedUserIsTemporarilyDeactivated()
    {
        var (access, refresh) = await client.LinkAsync(SimulatedUsers.DeactivatedUserId);

        var answer = await client.PostAsync("/wbsapi/measure", access, ("action", "getmeas"));

        Assert.Equal("User is temporarily deactivated", answer.Error());
        Assert.Equal(0, (await client.RefreshAsync(refresh)).Status());
    }

    [Theory]
    [InlineData("/wbsapi/measure", "getmeas", "startdate", "yesterday")]
    [InlineData("/wbsapi/measure", "getmeas", "meastype", "999")]
    [InlineData("/wbsapi/measure", "getmeas", "meastypes", "1,weight")]
    [InlineData("/wbsapi/v2/measure", "getactivity", "startdateymd", "2026/03/01")]
    [InlineData("/wbsapi/v2/measure", "getintradayactivity", "data_fields", "steps,stairs")]
    [InlineData("/wbsapi/v2/sleep", "get", "enddate", "abc")]
    public async Task BadParameterGivesInvalidParamsNamingIt(string path, string action, string name, string value)
    {
        var (access, _) = await client.LinkAsync();

        var answer = await client.PostAsync(path, access, ("action", action), (name, value));

        Assert.Equal(503, answer.Status());
        Assert.StartsWith("Invalid Params: ", answer.Error());
        Assert.Contains(name.TrimEnd('s'), answer.Error());
    }

    [Fact]
    public async Task ActivityWithoutAWindowIsInvalidParams()
    {
        var (access, _) = await client.LinkAsync();

        var answer = await client.PostAsync("/wbsapi/v2/measure", access, ("action", "getactivity"));

        Assert.Equal("Invalid Params: send startdateymd and enddateymd (YYYY-MM-DD), or lastupdate (Unix seconds)", answer.Error());
    }

    [Fact]
    public async Task SleepWindowOverSevenDaysIsRefused()
    {
        var (access, _) = await client.LinkAsync();
        var end = fixture.Factory.Time.GetUtcNow().ToUnixTimeSeconds();

        var answer = await client.PostAsync("/wbsapi/v2/sleep", access, ("action", "get"), ("startdate", $"{end - 8 * 86400}"), ("enddate", $"{end}"));

        Assert.Contains("7 days", answer.Error());
    }

    [Fact]
    public async Task OAuth1SignedDataCallGives342()
    {
        var answer = await client.GetAsync("/wbsapi/measure?action=getmeas&oauth_consumer_key=k&oauth_token=t&oauth_signature=s&userid=1");

        Assert.Equal(342, answer.Status());
    }
}
