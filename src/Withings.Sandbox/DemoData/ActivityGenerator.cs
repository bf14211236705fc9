using System.Globalization;

namespace Withings.Sandbox.DemoData;

/// <summary>One day of activity from the watch.</summary>
internal sealed record DemoActivityDay(DateOnly Date, long Modified, IReadOnlyDictionary<string, object> Metrics)
{
    public static readonly IReadOnlyList<string> Fields =
        ["steps", "distance", "elevation", "soft", "moderate", "intense", "active", "calories", "totalcalories",
         "hr_average", "hr_min", "hr_max", "hr_zone_0", "hr_zone_1", "hr_zone_2", "hr_zone_3"];

    public Dictionary<string, object?> ToJson(int userId, string timezone, IReadOnlyCollection<string>? dataFields)
    {
        var json = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in Metrics)
        {
            if (dataFields is null || dataFields.Contains(name))
            {
                json[name] = value;
            }
        }
        json["deviceid"] = DemoDevice.Watch.IdFor(userId);
        json["hash_deviceid"] = DemoDevice.Watch.IdFor(userId);
        json["timezone"] = timezone;
        json["date"] = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        json["modified"] = Modified;
        json["brand"] = 1;
        json["modelid"] = DemoDevice.Watch.ModelId;
        json["model"] = DemoDevice.Watch.Model;
        json["is_tracker"] = true;
        return json;
    }
}

/// <summary>A workout recorded by the watch (or added by hand).</summary>
internal sealed record DemoWorkout(long Id, int Category, long Start, long End, DateOnly Date, long Modified, int Attrib, IReadOnlyDictionary<string, object?> Data)
{
    public static readonly IReadOnlyList<string> Fields =
        ["calories", "intensity", "manual_distance", "manual_calories", "hr_average", "hr_min", "hr_max", "hr_zone_0", "hr_zone_1",
         "hr_zone_2", "hr_zone_3", "pause_duration", "algo_pause_duration", "spo2_average", "steps", "distance", "elevation",
         "pool_laps", "strokes", "pool_length"];

    public object ToJson(int userId, string timezone, IReadOnlyCollection<string>? dataFields) => new
    {
        id = Id,
        category = Category,
        timezone,
        // An integer here, unlike getactivity's model string.
        model = DemoDevice.Watch.ModelId,
        attrib = Attrib,
        startdate = Start,
        enddate = End,
        date = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        deviceid = DemoDevice.Watch.IdFor(userId),
        data = Data.Where(p => dataFields is null || dataFields.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value),
        modified = Modified,
    };
}

internal static class ActivityGenerator
{
    public static DemoActivityDay Day(DemoCalendar calendar, DateOnly day, Random random)
    {
        var dayStart = calendar.At(day, TimeSpan.Zero);
        var fraction = Math.Clamp((calendar.NowUnix - dayStart) / 86400.0, 0, 1);
        var steps = (int)((4500 + random.Next(0, 9000)) * fraction);
        var moderate = (int)(random.Next(600, 2400) * fraction);
        var intense = (int)(random.Next(0, 1500) * fraction);
        var calories = Math.Round(steps * 0.041, 3);
        return new DemoActivityDay(day, Math.Min(calendar.NowUnix, dayStart + 86399), new Dictionary<string, object>
        {
            ["steps"] = steps,
            ["distance"] = Math.Round(steps * 0.762, 3),
            ["elevation"] = random.Next(0, 25),
            ["soft"] = (int)(random.Next(3000, 9000) * fraction),
            ["moderate"] = moderate,
            ["intense"] = intense,
            ["active"] = moderate + intense,
            ["calories"] = calories,
            ["totalcalories"] = Math.Round(1650 * fraction + calories, 3),
            ["hr_average"] = 68 + random.Next(0, 10),
            ["hr_min"] = 48 + random.Next(0, 8),
            ["hr_max"] = 125 + random.Next(0, 40),
            ["hr_zone_0"] = (int)(random.Next(30000, 50000) * fraction),
            ["hr_zone_1"] = (int)(random.Next(2000, 6000) * fraction),
            ["hr_zone_2"] = (int)(random.Next(300, 1800) * fraction),
            ["hr_zone_3"] = (int)(random.Next(0, 600) * fraction),
        });
    }

    public static IEnumerable<DemoWorkout> SeededWorkouts(int userId, DemoCalendar calendar, DateOnly? from, DateOnly? to)
    {
        foreach (var day in calendar.Days(from, to))
        {
            var random = DemoCalendar.Random(userId, day, 3);
            if (random.NextDouble() < 0.3)
            {
                var start = calendar.At(day, TimeSpan.FromMinutes(18 * 60 + random.Next(0, 60)));
                var workout = Workout(3_600_000_000L + day.DayNumber, new[] { 1, 2, 6 }[random.Next(0, 3)], start, 25 + random.Next(0, 45), day, random, attrib: 0);
                if (workout.End <= calendar.NowUnix)
                {
                    yield return workout;
                }
            }
        }
    }

    public static DemoWorkout Workout(long id, int category, long start, int minutes, DateOnly day, Random random, int attrib)
    {
        var steps = category == 6 ? 0 : minutes * (category == 2 ? 160 : 105);
        return new DemoWorkout(id, category, start, start + minutes * 60, day, start + minutes * 60 + 120, attrib, new Dictionary<string, object?>
        {
            ["calories"] = minutes * (category == 2 ? 11 : 6),
            ["intensity"] = 30 + random.Next(0, 50),
            ["manual_distance"] = 0,
            ["manual_calories"] = 0,
            ["hr_average"] = 105 + random.Next(0, 40),
            ["hr_min"] = 80 + random.Next(0, 15),
            ["hr_max"] = 150 + random.Next(0, 30),
            ["hr_zone_0"] = minutes * 6,
            ["hr_zone_1"] = minutes * 24,
            ["hr_zone_2"] = minutes * 24,
            ["hr_zone_3"] = minutes * 6,
            ["pause_duration"] = 0,
            ["algo_pause_duration"] = null,
            ["spo2_average"] = null,
            ["steps"] = steps,
            ["distance"] = category == 6 ? minutes * 320 : (int)(steps * 0.8),
            ["elevation"] = random.Next(0, 30),
            ["pool_laps"] = 0,
            ["strokes"] = 0,
            ["pool_length"] = 0,
        });
    }

    public static readonly IReadOnlyList<string> IntradayFields =
        ["steps", "elevation", "calories", "distance", "stroke", "pool_lap", "duration", "heart_rate", "spo2_auto", "rmssd", "sdnn1", "hrv_quality",
         "core_body_temperature", "rr", "chest_movement_rate"];

    public static readonly IReadOnlyList<string> DefaultIntradayFields = ["steps", "elevation", "calories", "distance", "duration", "heart_rate"];

    /// <summary>A sample every 10 minutes: steps in waking hours, heart rate all day.</summary>
    public static Dictionary<string, object?> IntradayPoint(int userId, DemoCalendar calendar, long at, IReadOnlyCollection<string> fields)
    {
        var random = DemoCalendar.Random(userId, at / 600, 2);
        var hour = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(at), calendar.Zone).Hour;
        var awake = hour is >= 7 and < 23;
        var steps = awake ? random.Next(0, 900) : 0;
        var values = new Dictionary<string, object?>
        {
            ["steps"] = steps, ["elevation"] = awake ? random.Next(0, 3) : 0, ["calories"] = Math.Round(steps * 0.04, 2),
            ["distance"] = Math.Round(steps * 0.76, 2), ["stroke"] = 0, ["pool_lap"] = 0, ["duration"] = awake && steps > 0 ? 600 : 0,
            ["heart_rate"] = (awake ? 70 : 54) + random.Next(0, 18), ["spo2_auto"] = 95 + random.Next(0, 4),
            ["rmssd"] = 30 + random.Next(0, 30), ["sdnn1"] = 40 + random.Next(0, 30), ["hrv_quality"] = 3,
            ["core_body_temperature"] = 36.8, ["rr"] = 14 + random.Next(0, 4), ["chest_movement_rate"] = 14 + random.Next(0, 4),
        };
        var point = new Dictionary<string, object?>
        {
            ["deviceid"] = DemoDevice.Watch.IdFor(userId),
            ["model"] = DemoDevice.Watch.Model,
            ["model_id"] = DemoDevice.Watch.ModelId,
        };
        foreach (var field in fields)
        {
            point[field] = values[field];
        }
        return point;
    }
}
