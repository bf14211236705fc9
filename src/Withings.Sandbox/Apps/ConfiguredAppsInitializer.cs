using Microsoft.Extensions.Options;
using Withings.Client;

namespace Withings.Sandbox.Apps;

/// <summary>
/// Creates or updates the apps whose credentials come from configuration (<c>Sandbox:PortalApp</c>, <c>Sandbox:DemoApp</c>):
/// a seed the database initializer runs once the tables exist.
/// </summary>
internal sealed class ConfiguredAppsInitializer(SandboxApps apps, IOptions<SandboxOptions> options)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await apps.EnsureConfiguredAsync(settings.PortalApp, CallbackUrlMode.Restricted, "config:PortalApp", "Developer portal (restricted mode)", cancellationToken);
        await apps.EnsureConfiguredAsync(settings.DemoApp, CallbackUrlMode.Standard, "config:DemoApp", "Demo partner app", cancellationToken);
    }
}
