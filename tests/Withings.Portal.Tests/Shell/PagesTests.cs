using System.Net;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Shell;

public class PagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task UnknownUrlGivesTheNotFoundPageWith404()
    {
        var response = await fixture.Portal.CreateClient().GetAsync("/no/such/page", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Page not found", html);
        Assert.Contains("/no/such/page", html);
    }

    [Fact]
    public async Task HelpPageIsStaticHtmlWithoutACircuit()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/faq", TestContext.Current.CancellationToken);

        Assert.Contains("<h1", html);
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html);
        Assert.DoesNotContain("components-reconnect-modal", html);
    }

    [Fact]
    public async Task NotFoundPageTogglesThemeBackToTheMissingUrl()
    {
        var html = await (await fixture.Portal.CreateClient().GetAsync("/gone?x=1", TestContext.Current.CancellationToken))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("""name="returnUrl" value="/gone?x=1" """.TrimEnd(), html);
    }
}
