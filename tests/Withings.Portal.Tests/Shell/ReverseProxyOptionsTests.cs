using Withings.Portal.Tests.Infrastructure;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Shell;

public class ReverseProxyOptionsTests
{
    [Fact]
    public async Task CookiesAreSecureWhenTheProxySaysTheBrowserUsedHttps()
    {
        await using var portal = new PortalFactory();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/theme") { Content = Form(("theme", "dark"), ("returnUrl", "/")) };
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");

            var response = await portal.CreateBrowserLikeClient().SendAsync(request, TestContext.Current.CancellationToken);

            Assert.Contains("secure", Assert.Single(response.Headers.GetValues("Set-Cookie")));
        }
        finally
        {
            portal.DeleteData();
        }
    }

    [Fact]
    public void KnownProxyThatIsNotAnAddressStopsStartupWithAClearMessage()
    {
        var error = PortalFactory.StartupFailure(() => new PortalFactory { Settings = { ["ReverseProxy:KnownProxies:0"] = "proxy.example" } });

        Assert.Contains("ReverseProxy:KnownProxies", error.Message);
    }
}
