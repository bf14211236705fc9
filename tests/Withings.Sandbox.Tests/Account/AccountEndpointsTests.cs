using System.Net;
using System.Text.Json;
using Withings.Sandbox.Data;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Account;

public sealed class AccountEndpointsTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly SandboxClient client = fixture.Factory.CreateSandboxClient();

    private static Dictionary<string, string> Consent(string clientId = SandboxFactory.DemoClientId, string redirectUri = SandboxFactory.DemoCallback,
        string decision = "allow") => new()
    {
        ["response_type"] = "code", ["client_id"] = clientId, ["scope"] = "user.metrics", ["redirect_uri"] = redirectUri,
        ["state"] = "s t&ate", ["user"] = SimulatedUsers.DemoUserId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["decision"] = decision,
    };

    private static string Authorize2(string query) => "/account/oauth2_user/authorize2?" + query;

    [Fact]
    public async Task ConsentPageIsAPlainFormWithTheDemoUserChecked()
    {
        var html = await client.Http.GetStringAsync(Authorize2(
            $"response_type=code&client_id={SandboxFactory.DemoClientId}&scope=user.metrics&redirect_uri={Uri.EscapeDataString(SandboxFactory.DemoCallback)}&state=abc"));

        Assert.Contains("<form method=\"post\">", html);
        Assert.DoesNotContain("<script", html);
        Assert.Matches(@"<link rel=""icon"" href=""data:,""\s*/?>", html);
        Assert.Matches($"id=\"user-{SimulatedUsers.DemoUserId}\" value=\"{SimulatedUsers.DemoUserId}\" checked", html);
        Assert.Contains($"<label for=\"user-{SimulatedUsers.DeactivatedUserId}\">", html);
        Assert.Contains("Allow this app", html);
        Assert.Contains("Demo partner app", html);
    }

    [Fact]
    public async Task ConsentPageCarriesTheQueryAsEncodedHiddenFields()
    {
        var html = await client.Http.GetStringAsync(Authorize2("client_id=x&state=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"));

        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Contains("name=\"state\" value=\"&quot;&gt;&lt;script&gt;", html);
    }

    [Fact]
    public async Task DemoModeOffersOnlyTheDemoUser()
    {
        var html = await client.Http.GetStringAsync(Authorize2($"client_id={SandboxFactory.DemoClientId}&mode=demo&scope=user.metrics"));

        Assert.Contains($"user-{SimulatedUsers.DemoUserId}", html);
        Assert.DoesNotContain($"user-{SimulatedUsers.NoDataUserId}", html);
    }

    [Fact]
    public async Task AllowRedirectsToTheCallbackWithCodeAndState()
    {
        var response = await client.ConsentAsync(Consent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches(@"^https://partner\.example/withings/callback\?code=[0-9a-f]{40}&state=s%20t%26ate$", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CancelRedirectsWithAccessDenied()
    {
        var response = await client.ConsentAsync(Consent(decision: "cancel"));

        Assert.Equal("https://partner.example/withings/callback?error=access_denied&state=s%20t%26ate", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task UnknownClientIdSaysInvalidClientid()
    {
        var response = await client.ConsentAsync(Consent(clientId: "stale-oauth1-key"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Invalid clientid", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("https://partner.example/withings/other")]
    [InlineData("https://partner.example/withings/callback/")]
    [InlineData("http://partner.example/withings/callback")]
    [InlineData("")]
    public async Task UnregisteredRedirectUriGivesTheCapturedMismatchJson(string redirectUri)
    {
        var response = await client.ConsentAsync(Consent(redirectUri: redirectUri));

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        JsonAssertions.EqualJson(File.ReadAllText("Fixtures/observed-issues__authorize_redirect_uri_mismatch.json"), body);
    }

    [Fact]
    public async Task RestrictedModePortalAppMayUseLocalhost()
    {
        var response = await client.ConsentAsync(Consent(SandboxFactory.PortalClientId, SandboxFactory.PortalCallback));

        Assert.StartsWith(SandboxFactory.PortalCallback + "?code=", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/account/oauth2_user/authorize?response_type=code&client_id=x")]
    [InlineData("/account/oauth2/token")]
    public async Task WrongAndRetiredEndpointsAreNotFound(string path)
    {
        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not Found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ConsentPageAllowsPostingToAnyCallbackButCannotBeFramed()
    {
        var response = await client.Http.GetAsync(Authorize2("client_id=x"));

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("form-action", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory]
    [InlineData("application/json", "{}", HttpStatusCode.UnsupportedMediaType, "The consent page takes only its own form")]
    [InlineData(null, null, HttpStatusCode.UnsupportedMediaType, "The consent page takes only its own form")]
    [InlineData("multipart/form-data; boundary=xyz", "--xyz\r\nbroken", HttpStatusCode.BadRequest, "The consent form could not be read.")]
    public async Task AConsentPostThatIsNotAReadableFormIsToldSoWithoutAnErrorLog(string? contentType, string? body, HttpStatusCode status, string text)
    {
        using var content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8);
        if (content is not null)
        {
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType!);
        }
        var errorsBefore = fixture.Factory.Errors.Lines.Count;

        var response = await client.Http.PostAsync("/account/oauth2_user/authorize2", content);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Not a consent form", html);
        Assert.Contains(text, html);
        Assert.Equal(errorsBefore, fixture.Factory.Errors.Lines.Count);
    }
}
