using Withings.Portal.Tests.Troubleshooting.Reproduce;
using System.Net;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Components.Pages.Troubleshooting.Reproduce;

/// <summary>The "Reproduce it" button: a plain form post from the cached topic page to a result page that is never cached.</summary>
public class ReproducePageTests(SandboxPortalFixture fixture) : IClassFixture<SandboxPortalFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("invalid-code", "Invalid Params: invalid code")]
    [InlineData("redirect-uri-mismatch", "redirect_uri_mismatch: The redirect URI provided is missing or does not match partner callback url")]
    [InlineData("invalid-access-token", "invalid_token")]
    public async Task ButtonShowsBothExchangesSideBySideWithoutSecrets(string topicId, string error)
    {
        var response = await fixture.Portal.CreateClient().PostAsync($"/troubleshoot/{topicId}/reproduce", Form(("_handler", "reproduce")), Cancel);

        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"exchange-failing\"", html);
        Assert.Contains("data-testid=\"exchange-corrected\"", html);
        Assert.Contains(error, WebUtility.HtmlDecode(html));
        Assert.Contains("The failing call gave the error and the corrected call worked", html);
        Assert.DoesNotContain(SandboxPortalFixture.ClientSecret, html);
        Assert.Null(ReproduceRunnerTests.SecretIn(WebUtility.HtmlDecode(html)));
    }

    /// <summary>The test server is not public https, so the sandbox refuses the corrected subscription's callback URL.</summary>
    [Fact]
    public async Task ACorrectedCallRefusedForThePortalsOwnAddressSaysSoRatherThanThatTheFixFailed()
    {
        var response = await fixture.Portal.CreateClient().PostAsync("/troubleshoot/notification-callback/reproduce", Form(("_handler", "reproduce")), Cancel);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Matches("data-testid=\"corrected-differences\"[^>]*>Refused for this portal's address \\(see above\\), not for the call: status 293 instead of 0.<", html);
        Assert.Contains("This call needs a callback URL Withings can reach", html);
        Assert.Contains("The corrected call cannot succeed from this portal, because of the portal's own address rather than the fix", html);
        Assert.DoesNotContain("Not everything answered as the topic describes", html);
    }

    [Fact]
    public async Task ResultIsNeverServedFromTheCache()
    {
        var client = fixture.Portal.CreateClient();
        await client.PostAsync("/troubleshoot/unknown-action/reproduce", Form(("_handler", "reproduce")), Cancel);

        var second = await client.PostAsync("/troubleshoot/unknown-action/reproduce", Form(("_handler", "reproduce")), Cancel);

        Assert.False(second.Headers.Contains("Age"));
        Assert.Contains("no-store", second.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task CrossSitePostIsRefusedAndRunsNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/troubleshoot/invalid-code/reproduce") { Content = Form(("_handler", "reproduce")) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        var response = await fixture.Portal.CreateClient().SendAsync(request, Cancel);

        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("can only be posted from the portal", WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("data-testid=\"exchange-failing\"", html);
    }

    [Fact]
    public async Task PageWithoutARunOffersTheButton()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/troubleshoot/invalid-code/reproduce", Cancel);

        Assert.Contains("Reproduce it", html);
        Assert.DoesNotContain("data-testid=\"exchange-failing\"", html);
    }

    [Fact]
    public async Task TopicWithoutReproduceHasNoReproducePage()
    {
        var response = await fixture.Portal.CreateClient().GetAsync("/troubleshoot/cors/reproduce", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
