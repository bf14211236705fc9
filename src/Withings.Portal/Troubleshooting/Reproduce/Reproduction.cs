using System.Text.Json;
using Withings.Client;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Troubleshooting.Reproduce;

/// <summary>A topic's failing and corrected calls as they ran against the sandbox, every secret already redacted.</summary>
public sealed record Reproduction(Topic Topic, ReproducedCall Failing, ReproducedCall Corrected);

/// <param name="Setup">What the runner sent first to make the call's preconditions true (a code, tokens, a first send).</param>
/// <param name="Exchange">The call itself; null when it could not be sent (see <paramref name="Problem"/>).</param>
/// <param name="Differences">How the answer differs from what the topic says Withings answers; empty when it matches.</param>
/// <param name="Note">Why this portal cannot give the described answer, when it is the portal's setup and not the call.</param>
public sealed record ReproducedCall(
    ReproduceCall Spec,
    IReadOnlyList<HttpExchange> Setup,
    HttpExchange? Exchange,
    IReadOnlyList<string> Differences,
    string? Problem,
    string? Note = null)
{
    public bool AsExpected => Problem is null && Exchange is not null && Differences.Count == 0;

    /// <summary>The answer differs because of where this portal runs (its <see cref="Note"/>), not because of the call.</summary>
    public bool RefusedForThisPortal => Note is not null && Problem is null && !AsExpected;

    /// <summary>The <c>status</c> field of a JSON answer, if the answer has one.</summary>
    public int? BodyStatus => Expectations.BodyStatus(Exchange?.ResponseBody);
}

internal static class Expectations
{
    public static IReadOnlyList<string> Differences(ReproduceExpectation expect, HttpExchange exchange)
    {
        var differences = new List<string>();
        if (exchange.ResponseStatusCode != expect.Http)
        {
            differences.Add($"HTTP {exchange.ResponseStatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(no answer)"} instead of HTTP {expect.Http}");
        }
        var body = exchange.ResponseBody ?? "";
        if (expect.Status is { } status && BodyStatus(body) is var actual && actual != status)
        {
            differences.Add($"status {actual?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"} instead of {status}");
        }
        if (expect.Error is { } error && !body.Contains(error, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"the answer does not say “{error}”");
        }
        if (expect.Contains is { } text && !body.Contains(text, StringComparison.Ordinal))
        {
            differences.Add($"the answer does not contain {text}");
        }
        return differences;
    }

    public static int? BodyStatus(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("status", out var status) && status.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
