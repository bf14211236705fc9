using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Withings.Client;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.WithingsApi;

/// <summary>The portal's own Withings client against the sandbox mounted in the portal, over a real loopback socket.</summary>
public class EmbeddedSandboxTests : IAsyncLifetime
{
    private readonly PortalFactory portal = new();

    public ValueTask InitializeAsync()
    {
        portal.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        portal.StartServer();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task PortalClientReachesTheEmbeddedSandboxWithItsOwnApp()
    {
        var client = portal.Services.GetRequiredService<WithingsClient>();

        var result = await client.ExchangeCodeAsync("not-a-real-code", cancellationToken: TestContext.Current.CancellationToken);

        // The sandbox knows the portal's app (else: invalid client id/secret) and refuses the code as Withings would.
        Assert.Equal(503, result.Error?.Status);
        Assert.Equal("Invalid Params: invalid code", result.Error?.ErrorText);
        Assert.StartsWith("http://localhost/sandbox/wbsapi/v2/oauth2", result.Exchange.Url);
        Assert.DoesNotContain(portal.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Sandbox:PortalApp:ClientSecret"]!,
            result.Exchange.ToCurl());
    }

    [Fact]
    public async Task SandboxConsentPageIsServedUnderSandbox()
    {
        var client = portal.Services.GetRequiredService<WithingsClient>();
        var authorize = client.BuildAuthorizeUrl(["user.metrics"], "state-1", demo: true);

        var response = await portal.CreateClient().GetAsync(authorize.PathAndQuery, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Allow this app", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
