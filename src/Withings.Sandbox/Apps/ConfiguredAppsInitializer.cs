using Microsoft.Extensions.Options;
using Withings.Client;

namespace Withings.Sandbox.Apps;

/// <summary>
/// Creates or updates the apps whose credentials come from configuration (<c>Sandbox:PortalApp</c>, <c>Sandbox:DemoApp</c>)
/// at start-up. Registered after the database initializer, which creates the tables first.
/// </summary>
internal sealed class ConfiguredAppsInitializer(SandboxApps apps, IOptions<SandboxOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await apps.EnsureConfiguredAsync(settings.PortalApp, CallbackUrlMode.Restricted, "config:PortalApp", "Developer portal (restricted mode)", cancellationToken);
        await apps.EnsureConfiguredAsync(settings.DemoApp, CallbackUrlMode.Standard, "config:DemoApp", "Demo partner app", cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
