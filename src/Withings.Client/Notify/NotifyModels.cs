using System.Text.Json.Serialization;

namespace Withings.Client;

/// <summary>Body of <c>notify action=get</c>.</summary>
public sealed record NotifySubscription(
    [property: JsonPropertyName("appli")] int Appli,
    [property: JsonPropertyName("callbackurl")] string CallbackUrl,
    [property: JsonPropertyName("comment")] string? Comment);

/// <summary>Body of <c>notify action=list</c>.</summary>
public sealed record NotifyListResponse([property: JsonPropertyName("profiles")] IReadOnlyList<NotifyProfile> Profiles);

public sealed record NotifyProfile(
    [property: JsonPropertyName("appli")] int Appli,
    [property: JsonPropertyName("callbackurl")] string CallbackUrl,
    [property: JsonPropertyName("expires")] long? Expires,
    [property: JsonPropertyName("comment")] string? Comment);

/// <summary>Notification categories (<c>appli</c>), as listed in https://developer.withings.com/api-reference (Notify) and https://developer.withings.com/developer-guide/v3/data-api/keep-user-data-up-to-date/.</summary>
public static class NotifyAppli
{
    public const int Weight = 1;
    public const int Temperature = 2;
    public const int BloodPressure = 4;
    public const int Activity = 16;
    public const int Sleep = 44;
    public const int UserProfile = 46;
    public const int BedIn = 50;
    public const int BedOut = 51;
    public const int InflateDone = 52;
    public const int NoAccountAssociated = 53;
    public const int Ecg = 54;
    public const int EcgFailed = 55;
    public const int Glucose = 58;

    public static IReadOnlyDictionary<int, string> Names { get; } = new Dictionary<int, string>
    {
        [1] = "Weight-related measures", [2] = "Temperature", [4] = "Blood pressure, pulse, SpO2", [16] = "Activity",
        [44] = "Sleep", [46] = "User profile action", [50] = "Bed in", [51] = "Bed out", [52] = "Sleep sensor inflate done",
        [53] = "No account associated", [54] = "ECG", [55] = "ECG measure failed", [58] = "Glucose",
    };
}
