using Withings.Portal.Playground;
using Withings.Portal.Shell;

namespace Withings.Portal.Components.Pages.Playground;

/// <summary>
/// <c>/playground</c>, its callback and <c>/sample-data</c> are static, even with a linked user (forms, script-driven
/// countdowns, a streamed checklist); their one island is the inbox's deliveries, hosted once deliveries can arrive: the
/// linked user's inbox was subscribed, or this request subscribes it. Decided from the request alone, since the layout asks before the page renders.
/// </summary>
public sealed class HostsInboxIslandAttribute : HostsInteractiveIslandsAttribute
{
    protected override bool HostsIslandsFor(HttpContext context)
    {
        if (ExpiredLinkPost.PostedFormOf(context) == InboxPanel.FormName)
        {
            return true;
        }
        var links = context.RequestServices.GetRequiredService<PlaygroundLinks>();
        return links.Find(links.LiveIdOf(context)) is { } link &&
               context.RequestServices.GetRequiredService<NotificationInbox>().ExpectsDeliveries(link.InboxId);
    }
}
