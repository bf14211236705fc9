using Withings.Portal.Shell;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Shell;

public class SecurityHeadersTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task PagesCarryOneContentSecurityPolicy()
    {
        var response = await fixture.Portal.CreateClient().GetAsync("/", TestContext.Current.CancellationToken);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public void LocalUrlOnlyFollowsPathsOnThisSite()
    {
        Assert.Equal("/faq/x?y=1", LocalUrl.OrHome("/faq/x?y=1"));
        Assert.Equal("/", LocalUrl.OrHome("//evil.example"));
        Assert.Equal("/", LocalUrl.OrHome("/\\evil.example"));
        Assert.Equal("/", LocalUrl.OrHome("https://evil.example"));
        Assert.Equal("/", LocalUrl.OrHome(null));
    }
}
