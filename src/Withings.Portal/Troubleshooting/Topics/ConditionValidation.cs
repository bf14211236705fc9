using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Troubleshooting.Topics;

internal static class ConditionValidation
{
    public static void Check(StepCondition when, string needle, Problems report)
    {
        Closed(when.Endpoint, EndpointKinds.All, "endpoint", needle, report);
        Closed(when.GrantType, TopicVocabulary.GrantTypes, "grant_type", needle, report);
        Closed(when.Method, TopicVocabulary.Methods, "method", needle, report);
        Closed(when.Params, TopicVocabulary.ParamPlaces, "params", needle, report);
        Closed(when.Host, TopicVocabulary.Hosts, "host", needle, report);
        Closed(when.Url, TopicVocabulary.UrlVerdicts, "url", needle, report);
        Closed(when.Registered, TopicVocabulary.YesNo, "registered", needle, report);
        if (when.AgeOver is < 0 || when.AgeAtMost is < 0)
        {
            report.At(needle, "age bounds must not be negative.");
        }
        var empty = when.Status.Count + when.Endpoint.Count + when.GrantType.Count + when.Method.Count + when.Params.Count
            + when.Host.Count + when.Action.Count + when.Url.Count + when.Registered.Count == 0 && when.AgeOver is null && when.AgeAtMost is null;
        if (empty)
        {
            report.At(needle, "an answer's 'when' must name at least one query key.");
        }
    }

    private static void Closed(List<string> values, IReadOnlySet<string> allowed, string key, string needle, Problems report)
    {
        foreach (var value in values.Where(v => !allowed.Contains(v)))
        {
            report.At(needle, $"when.{key} '{value}' is not one of: {string.Join(", ", allowed)}.");
        }
    }
}
