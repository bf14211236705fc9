using Withings.Portal.Troubleshooting.Diagnosis;

namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>Every Withings service dispatches on <c>action</c>; a missing or unknown one gives 2554 "Not implemented".</summary>
internal static class ActionRules
{
    public static void Check(ParsedRequest request, List<RequestIssue> issues)
    {
        if (!request.ParamsKnown || request.Endpoint.Service is not { } service
            || !WithingsEndpoints.Actions.TryGetValue(service, out var actions))
        {
            return;
        }
        var action = request.Param("action");
        if (action is null)
        {
            issues.Add(new(SignalFacts.ActionMissing, IssueSeverity.Error, $"the call to `{service}` has no `action` (one of: {string.Join(", ", actions)})"));
        }
        else if (!actions.Contains(action, StringComparer.Ordinal))
        {
            var elsewhere = WithingsEndpoints.Actions.Where(a => a.Value.Contains(action)).Select(a => a.Key).FirstOrDefault();
            issues.Add(new(SignalFacts.ActionUnknown, IssueSeverity.Error, elsewhere is null
                ? $"`action={TokenRules.Shorten(action)}` is not an action of `{service}` (one of: {string.Join(", ", actions)})"
                : $"`action={action}` belongs to `{elsewhere}`, not to `{service}`"));
        }
    }
}
