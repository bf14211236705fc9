using System.Security.Cryptography;
using System.Text;

namespace Withings.Sandbox.DemoData;

/// <summary>
/// "Now" for one user: local days in the user's time zone, and a deterministic random stream per (user, day, purpose)
/// so the same day always holds the same data while the data window moves with the clock.
/// </summary>
internal sealed class DemoCalendar(TimeZoneInfo zone, DateTimeOffset now)
{
    public const int HistoryDays = 365;

    /// <summary>Fixed seed: changing it changes every generated value.</summary>
    private const int Seed = 0x57_1B_6E_5D;

    public TimeZoneInfo Zone => zone;
    public DateTimeOffset Now => now;
    public long NowUnix => now.ToUnixTimeSeconds();
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    public DateOnly FirstDay => Today.AddDays(-HistoryDays);

    public static DemoCalendar For(string timezone, DateTimeOffset now) =>
        new(TimeZoneInfo.TryFindSystemTimeZoneById(timezone, out var zone) ? zone : TimeZoneInfo.Utc, now);

    /// <summary>Unix seconds of a local time on a local day.</summary>
    public long At(DateOnly day, TimeSpan timeOfDay)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).Add(timeOfDay);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUnixTimeSeconds();
    }

    public DateOnly DayOf(long unix) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(unix), zone).DateTime);

    /// <summary>The days of the history that intersect [from, to] (both inclusive, local days).</summary>
    public IEnumerable<DateOnly> Days(DateOnly? from = null, DateOnly? to = null)
    {
        var first = from is { } f && f > FirstDay ? f : FirstDay;
        var last = to is { } t && t < Today ? t : Today;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    public static Random Random(int userId, DateOnly day, int purpose) => Random(userId, day.DayNumber, purpose);

    public static Random Random(int userId, long key, int purpose) =>
        new(unchecked((int)(Seed ^ (userId * 73856093L) ^ (key * 19349663L) ^ (purpose * 83492791L))));

    /// <summary>A stable 40-hex device id per user and device, like Withings' deviceid / hash_deviceid.</summary>
    public static string DeviceId(int userId, string device) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"withings-sandbox:{userId}:{device}")))[..40];
}

/// <summary>A device of a simulated user.</summary>
internal sealed record DemoDevice(string Key, string Type, string Model, int ModelId, string Battery)
{
    public static readonly DemoDevice Scale = new("scale", "Scale", "Body Cardio", 6, "high");
    public static readonly DemoDevice BloodPressureMonitor = new("bpm", "Blood Pressure Monitor", "BPM Core", 44, "medium");
    public static readonly DemoDevice Watch = new("watch", "Activity Tracker", "ScanWatch", 93, "high");

    /// <summary>The Sleep Analyzer reports itself as "Aura Sensor V2", model 63 (captured: <c>tests/Withings.Sandbox.Tests/Fixtures/aiowithings__sleep.json</c>).</summary>
    public static readonly DemoDevice SleepAnalyzer = new("sleep", "Sleep Monitor", "Aura Sensor V2", 63, "high");

    public static IReadOnlyList<DemoDevice> All { get; } = [Scale, BloodPressureMonitor, Watch, SleepAnalyzer];

    public string IdFor(int userId) => DemoCalendar.DeviceId(userId, Key);
}
