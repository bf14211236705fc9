using Withings.Client;
using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>Every Withings service dispatches on <c>action</c>; a missing or unknown one gives 2554 "Not implemented".</summary>
internal static class ActionRules
{
    public static void Check(ParsedRequest request, List<RequestIssue> issues)
    {
        if (!request.ParamsKnown || request.Target.Service is not { } path || WithingsServices.Find(path) is not { } service)
        {
            return;
        }
        var action = request.Param("action");
        if (action is null)
        {
            issues.Add(new(SignalFacts.ActionMissing, IssueSeverity.Error, $"the call to `{service}` has no `action` (one of: {string.Join(", ", service.Actions)})"));
        }
        else if (!service.HasAction(action))
        {
            var elsewhere = RequestTargets.ServicesWithAction(action).FirstOrDefault();
            issues.Add(new(SignalFacts.ActionUnknown, IssueSeverity.Error, elsewhere is null
                ? $"`action={TokenRules.Shorten(action)}` is not an action of `{service}` (one of: {string.Join(", ", service.Actions)})"
                : $"`action={action}` belongs to `{elsewhere}`, not to `{service}`"));
        }
    }
}
