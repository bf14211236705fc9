using System.Text.RegularExpressions;

namespace Withings.Portal.Troubleshooting.Topics;

/// <summary>Reproduce calls must target the sandbox layout and carry placeholders, never secrets.</summary>
internal static partial class ReproduceValidation
{
    public static void Check(TopicReproduce? reproduce, string? notReproducible, IReadOnlyCollection<int> unconfirmedStatusCodes, Problems report)
    {
        if (reproduce is null == string.IsNullOrWhiteSpace(notReproducible))
        {
            report.At(reproduce is null ? "slug:" : "not_reproducible:", reproduce is null
                ? "a topic without 'reproduce' must say why in 'not_reproducible' (the page shows it instead of the button)."
                : "a topic has either 'reproduce' or 'not_reproducible', not both.");
        }
        if (reproduce is null)
        {
            return;
        }
        Call(reproduce.Failing, "failing", unconfirmedStatusCodes, report);
        Call(reproduce.Corrected, "corrected", unconfirmedStatusCodes, report);
    }

    private static void Call(ReproduceCall call, string which, IReadOnlyCollection<int> unconfirmedStatusCodes, Problems report)
    {
        var needle = $"{which}:";
        if (call.Expect.Status is { } status && unconfirmedStatusCodes.Contains(status) && !call.Expect.Unconfirmed)
        {
            // The topic itself says Withings does not document this status for the problem: the page must not print it
            // as "Withings answers".
            report.At(needle, $"reproduce.{which}.expect has status {status}, which unconfirmed_status_codes lists: mark the expectation 'unconfirmed: true'.");
        }
        if (!TopicVocabulary.Methods.Contains(call.Method))
        {
            report.At(needle, $"reproduce.{which}.method '{call.Method}' is not an HTTP method the sandbox serves.");
        }
        if (!call.Path.StartsWith("/account/", StringComparison.Ordinal) && !call.Path.StartsWith("/wbsapi/", StringComparison.Ordinal))
        {
            report.At(needle, $"reproduce.{which}.path '{call.Path}' must start with /account/ or /wbsapi/.");
        }
        foreach (var preparation in call.Prepare.Where(p => !TopicVocabulary.ReproducePreparations.Contains(p)))
        {
            report.At(needle, $"reproduce.{which}.prepare '{preparation}' is not one of: {string.Join(", ", TopicVocabulary.ReproducePreparations)}.");
        }
        var placeholders = call.Params.SelectMany(p => Placeholder().Matches(p.Value).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in placeholders.Where(p => !TopicVocabulary.ReproducePlaceholders.Contains(p)))
        {
            report.At(needle, $"reproduce.{which}: {{{unknown}}} is not a placeholder the runner fills ({string.Join(", ", TopicVocabulary.ReproducePlaceholders)}).");
        }
        foreach (var (preparation, placeholder) in new[] { ("code-used", "code"), ("refresh-token-rotated", "refresh_token") })
        {
            if (call.Prepare.Contains(preparation) && !placeholders.Contains(placeholder))
            {
                report.At(needle, $"reproduce.{which}.prepare '{preparation}' needs a parameter with the value {{{placeholder}}}.");
            }
        }
        foreach (var parameter in call.Params)
        {
            if (!TopicVocabulary.ReproduceParamPlaces.Contains(parameter.In))
            {
                report.At($"name: {parameter.Name}", $"parameter '{parameter.Name}' goes in '{parameter.In}': use body, query or header.");
            }
            if (SecretLooking().IsMatch(parameter.Value))
            {
                report.At($"name: {parameter.Name}", $"parameter '{parameter.Name}' looks like a real secret: use a placeholder such as {{access_token}}.");
            }
        }
    }

    // 16+ hex or base64-ish characters in a row outside a {placeholder} is what tokens, codes and secrets look like.
    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("(?<![{A-Za-z_])[A-Fa-f0-9]{16,}|[A-Za-z0-9+/_-]{32,}")]
    private static partial Regex SecretLooking();
}
