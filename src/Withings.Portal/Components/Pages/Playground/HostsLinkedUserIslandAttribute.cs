using Withings.Portal.Playground;
using Withings.Portal.Shell;

namespace Withings.Portal.Components.Pages.Playground;

/// <summary>
/// <c>/sample-data</c> hosts its checklist island only for a visitor whose cookie names a live linked user. Everyone else
/// gets a static page: no reconnect UI, no circuit.
/// </summary>
public sealed class HostsLinkedUserIslandAttribute : HostsInteractiveIslandsAttribute
{
    protected override bool HostsIslandsFor(HttpContext context) =>
        context.RequestServices.GetRequiredService<PlaygroundLinks>().LiveIdOf(context) is not null;
}
