using System.Collections.Frozen;
using System.Text.Json;

namespace Withings.Client;

/// <summary>
/// The official status codes and their families (Withings publishes only families), read from an embedded copy
/// of <c>status-codes.json</c>, with what to do per family: Withings' own advice where it gives one
/// (https://developer.withings.com/api-reference, "Response status"), ours for the other families.
/// </summary>
public static class WithingsStatusCodes
{
    public const string Success = "Operation was successful";
    public const string AuthenticationFailed = "Authentication failed";
    public const string InvalidParams = "Invalid params";
    public const string Unauthorized = "Unauthorized";
    public const string ErrorOccurred = "An error occurred";
    public const string Timeout = "Timeout";
    public const string BadState = "Bad state";
    public const string TooManyRequests = "Too many request";
    public const string NotImplemented = "Not implemented";

    /// <summary>The family name used for a status that is not in the official list.</summary>
    public const string Unknown = "Unknown status";

    private static readonly FrozenDictionary<int, string> Families = Load();

    private static readonly FrozenDictionary<string, string> AdviceByFamily = new Dictionary<string, string>
    {
        [Success] = "Nothing to do: the call worked.",
        [Timeout] = "Retry the call.",
        [AuthenticationFailed] = "Check the tokens.",
        [InvalidParams] = "Check the tokens and the parameters.",
        [NotImplemented] = "The service does not exist: check the path and the action.",
        [Unauthorized] = "You may not call this service.",
        [ErrorOccurred] = "Check the tokens and the parameters; contact Withings support if it persists.",
        [BadState] = "Check the tokens and the parameters; contact Withings support if it persists.",
        [TooManyRequests] = "Slow down: at most 120 requests per minute per application, and never the same arguments twice within 10 seconds.",
        [Unknown] = "This status is not in the official list; check the tokens and the parameters.",
    }.ToFrozenDictionary();

    /// <summary>The families for which the advice is Withings' own; for the others Withings gives none.</summary>
    private static readonly FrozenSet<string> OfficialAdvice =
        new[] { Timeout, AuthenticationFailed, InvalidParams, NotImplemented, Unauthorized, ErrorOccurred }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every official code with its family, in ascending order.</summary>
    public static IReadOnlyList<KeyValuePair<int, string>> All { get; } = [.. Families.OrderBy(pair => pair.Key)];

    public static IReadOnlyList<string> FamilyNames { get; } = [.. Families.Values.Distinct().Order(StringComparer.Ordinal)];

    public static bool IsOfficial(int status) => Families.ContainsKey(status);

    /// <summary>The official family of a status, or <see cref="Unknown"/>.</summary>
    public static string FamilyOf(int status) => Families.GetValueOrDefault(status, Unknown);

    /// <summary>What Withings advises for a family (e.g. "Retry the call." for Timeout).</summary>
    public static string AdviceFor(string family) => AdviceByFamily.GetValueOrDefault(family, AdviceByFamily[Unknown]);

    /// <summary>
    /// What to do about one status: the family's advice, except where the status says more than its family. 293 is in
    /// the "Invalid params" family, but its text ("The callback URL is either absent or incorrect") points at the
    /// notification callback, not at tokens.
    /// </summary>
    public static string AdviceForStatus(int status) => status switch
    {
        293 => "Check the callbackurl: Withings must reach it over public https on port 443 or 80, and it must answer Withings' check quickly.",
        _ => AdviceFor(FamilyOf(status)),
    };

    /// <summary>Whether <see cref="AdviceFor"/> is Withings' own advice for the family (otherwise it is the portal's).</summary>
    public static bool IsOfficialAdvice(string family) => OfficialAdvice.Contains(family);

    private static FrozenDictionary<int, string> Load()
    {
        using var stream = typeof(WithingsStatusCodes).Assembly.GetManifestResourceStream("Withings.Client.status-codes.json")
            ?? throw new InvalidOperationException("The embedded status-codes.json is missing from Withings.Client.");
        var raw = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException("The embedded status-codes.json is empty.");
        return raw.ToFrozenDictionary(pair => int.Parse(pair.Key, System.Globalization.CultureInfo.InvariantCulture), pair => pair.Value);
    }
}
