using Microsoft.Extensions.DependencyInjection;
using Withings.Sandbox.Apps;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Apps;

/// <summary>A restricted-mode app may receive a local callback on any port; nothing else can be added this way.</summary>
public sealed class LocalCallbackTests : IDisposable
{
    private readonly SandboxFactory factory = new();

    [Fact]
    public async Task RestrictedAppAcceptsALocalhostCallbackOnAnyPortAndOnlyThat()
    {
        // A first call waits until the configured apps are registered.
        await factory.CreateSandboxClient().LinkAsync();
        var apps = factory.Services.GetRequiredService<SandboxApps>();

        Assert.True(await apps.AllowLocalCallbackAsync(SandboxFactory.PortalClientId, "http://localhost:51234/playground/callback", TestContext.Current.CancellationToken));
        Assert.False(await apps.AllowLocalCallbackAsync(SandboxFactory.PortalClientId, "https://evil.example/cb", TestContext.Current.CancellationToken));
        Assert.False(await apps.AllowLocalCallbackAsync(SandboxFactory.DemoClientId, "http://localhost:51234/playground/callback", TestContext.Current.CancellationToken));

        var portal = (await apps.FindAsync(SandboxFactory.PortalClientId, TestContext.Current.CancellationToken))!;
        Assert.Contains("http://localhost:51234/playground/callback", portal.CallbackUrlList);
        Assert.DoesNotContain("https://evil.example/cb", portal.CallbackUrlList);
    }

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }
}
