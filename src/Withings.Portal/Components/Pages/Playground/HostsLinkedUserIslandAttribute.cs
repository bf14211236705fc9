using Withings.Portal.Playground;
using Withings.Portal.Shell;

namespace Withings.Portal.Components.Pages.Playground;

/// <summary>
/// <c>/playground</c> and <c>/sample-data</c> host islands only for a visitor whose cookie names a live linked user, or
/// (the playground) in the answer to a pasted code, which may link one. Everyone else gets a static page: no reconnect
/// UI, no circuit.
/// </summary>
public sealed class HostsLinkedUserIslandAttribute : HostsInteractiveIslandsAttribute
{
    protected override bool HostsIslandsFor(HttpContext context) =>
        context.RequestServices.GetRequiredService<PlaygroundLinks>().LiveIdOf(context) is not null || AuthorizeForm.IsExchangePost(context);
}
