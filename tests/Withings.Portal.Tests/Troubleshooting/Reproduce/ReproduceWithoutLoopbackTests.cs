using System.Net;
using Withings.Portal.Tests.Infrastructure;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Troubleshooting.Reproduce;

/// <summary>A portal that cannot reach its own /sandbox (no http:// address to loop back to) says so on the page.</summary>
public class ReproduceWithoutLoopbackTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task UnreachableSandboxIsReportedInsteadOfAnError()
    {
        var response = await fixture.Portal.CreateClient().PostAsync("/troubleshoot/invalid-code/reproduce", Form(("_handler", "reproduce")),
            TestContext.Current.CancellationToken);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The sandbox could not be reached from the portal", html);
    }
}
