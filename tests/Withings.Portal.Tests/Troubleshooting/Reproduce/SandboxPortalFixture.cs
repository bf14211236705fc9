using System.Net;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Troubleshooting.Reproduce;

/// <summary>
/// The portal on a real loopback port (the reproduce runner reaches its own /sandbox over a socket), with a known
/// sandbox-app secret to look for in the output, and limits high enough for a test run.
/// </summary>
public sealed class SandboxPortalFixture : IAsyncLifetime
{
    public const string ClientSecret = "reproduce-test-secret-3f9a1c0b7d2e4f6a";

    public PortalFactory Portal { get; } = new();

    public ValueTask InitializeAsync()
    {
        Portal.Settings["Sandbox:PortalApp:ClientSecret"] = ClientSecret;
        Portal.Settings["Sandbox:RateLimitPerMinute"] = "100000";
        Portal.Settings["Troubleshooting:Reproduce:PermitsPerMinute"] = "1000";
        Portal.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Portal.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Portal.DisposeAsync();
        Portal.DeleteData();
    }
}
