using Withings.Portal.Shell;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Support;

/// <summary>The support pages, the interactive dashboard included, carry the portal's security headers and are never cached.</summary>
public sealed class SupportPageHeadersTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/support/sign-in")]
    [InlineData("/support")]
    [InlineData("/support/links/new?topic=invalid-code&step=start")]
    [InlineData("/support/accounts")]
    public async Task SupportPageCarriesThePolicyWithoutUnsafeEval(string path)
    {
        var admin = await SupportClient.SignedInAsync(fixture.Portal);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");

        var response = await admin.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Single(response.Headers.GetValues("Referrer-Policy"));
        Assert.DoesNotContain("public", response.Headers.CacheControl?.ToString() ?? "");
    }
}
