using System.Globalization;

namespace Withings.Sandbox.DemoData;

/// <summary>A night on the sleep analyzer: its hypnogram (state segments) and the summary computed from it.</summary>
internal sealed record DemoNight(long Id, DateOnly Date, long Start, long End, IReadOnlyList<(long Start, long End, int State)> Segments, int Seed)
{
    /// <summary>What getsummary's <c>data</c> holds when no data_fields are sent (as in the real capture without data_fields).</summary>
    public static readonly IReadOnlyList<string> DefaultSummaryFields =
        ["wakeupduration", "wakeupcount", "durationtosleep", "remsleepduration", "durationtowakeup", "total_timeinbed", "total_sleep_time",
         "sleep_efficiency", "sleep_latency", "wakeup_latency", "waso", "nb_rem_episodes", "out_of_bed_count", "lightsleepduration", "deepsleepduration"];

    public static readonly IReadOnlyList<string> SummaryFields =
        [.. DefaultSummaryFields, "asleepduration", "hr_average", "hr_min", "hr_max", "rr_average", "rr_min", "rr_max",
         "breathing_disturbances_intensity", "apnea_hypopnea_index", "snoring", "snoringepisodecount", "sleep_score", "night_events",
         "mvt_score_avg", "mvt_active_duration", "withings_index"];

    public static readonly IReadOnlyList<string> SegmentFields =
        ["hr", "rr", "snoring", "sdnn_1", "rmssd", "hrv_quality", "mvt_score", "chest_movement_rate", "withings_index", "breathing_sounds"];

    public object SummaryJson(int userId, string timezone, IReadOnlyCollection<string>? dataFields)
    {
        var all = Summary();
        var fields = dataFields ?? DefaultSummaryFields;
        return new
        {
            id = Id,
            timezone,
            model = 32,
            model_id = DemoDevice.SleepAnalyzer.ModelId,
            hash_deviceid = DemoDevice.SleepAnalyzer.IdFor(userId),
            startdate = Start,
            enddate = End,
            date = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            data = fields.Where(all.ContainsKey).ToDictionary(f => f, f => all[f]),
            created = End + 600,
            modified = End + 600,
        };
    }

    /// <summary>Segments of <c>v2/sleep get</c>; each requested field is an object of per-minute samples keyed by epoch seconds.</summary>
    public IEnumerable<Dictionary<string, object?>> SegmentJson(int userId, long from, long to, IReadOnlyCollection<string> fields)
    {
        var random = new Random(Seed);
        foreach (var (start, end, state) in Segments)
        {
            var samples = fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
            for (var t = start; t < end; t += 60)
            {
                foreach (var field in fields)
                {
                    samples[field][t.ToString(CultureInfo.InvariantCulture)] = Sample(field, state, random);
                }
            }
            if (end <= from || start >= to)
            {
                continue;
            }
            var segment = new Dictionary<string, object?>
            {
                ["startdate"] = start, ["state"] = state, ["enddate"] = end,
                ["model"] = DemoDevice.SleepAnalyzer.Model,
            };
            foreach (var field in fields)
            {
                segment[field] = samples[field];
            }
            segment["hash_deviceid"] = DemoDevice.SleepAnalyzer.IdFor(userId);
            segment["model_id"] = DemoDevice.SleepAnalyzer.ModelId;
            yield return segment;
        }
    }

    private static int Sample(string field, int state, Random random) => field switch
    {
        "hr" => (state == 2 ? 52 : state == 0 ? 64 : 57) + random.Next(0, 8),
        "rr" => 12 + random.Next(0, 5),
        "snoring" => state is 1 or 2 && random.NextDouble() < 0.15 ? random.Next(10, 60) : 0,
        "hrv_quality" => 3,
        _ => random.Next(10, 60),
    };

    private Dictionary<string, object> Summary()
    {
        var random = new Random(Seed + 1);
        int Sum(int state) => (int)Segments.Where(s => s.State == state).Sum(s => s.End - s.Start);
        var light = Sum(1);
        var deep = Sum(2);
        var rem = Sum(3);
        var asleep = light + deep + rem;
        var inBed = (int)(End - Start);
        var toSleep = (int)(Segments[0].End - Segments[0].Start);
        var toWake = (int)(Segments[^1].End - Segments[^1].Start);
        var awakeInside = Sum(0) - toSleep - toWake;
        return new Dictionary<string, object>
        {
            ["wakeupduration"] = Sum(0), ["wakeupcount"] = Segments.Skip(1).SkipLast(1).Count(s => s.State == 0),
            ["durationtosleep"] = toSleep, ["durationtowakeup"] = toWake, ["remsleepduration"] = rem,
            ["total_timeinbed"] = inBed, ["total_sleep_time"] = asleep, ["asleepduration"] = asleep,
            ["sleep_efficiency"] = Math.Round((double)asleep / inBed, 2), ["sleep_latency"] = toSleep, ["wakeup_latency"] = toWake,
            ["waso"] = awakeInside, ["nb_rem_episodes"] = Segments.Count(s => s.State == 3), ["out_of_bed_count"] = 0,
            ["lightsleepduration"] = light, ["deepsleepduration"] = deep,
            ["hr_average"] = 56 + random.Next(0, 6), ["hr_min"] = 47 + random.Next(0, 5), ["hr_max"] = 70 + random.Next(0, 15),
            ["rr_average"] = 14, ["rr_min"] = 11, ["rr_max"] = 18,
            ["breathing_disturbances_intensity"] = random.Next(0, 15), ["apnea_hypopnea_index"] = random.Next(0, 6),
            ["snoring"] = random.Next(0, 1500), ["snoringepisodecount"] = random.Next(0, 20), ["sleep_score"] = 60 + random.Next(0, 35),
            ["night_events"] = Array.Empty<int>(), ["mvt_score_avg"] = random.Next(5, 30), ["mvt_active_duration"] = random.Next(300, 1500),
            ["withings_index"] = random.Next(50, 95),
        };
    }
}

internal static class SleepGenerator
{
    public static IEnumerable<DemoNight> Seeded(int userId, DemoCalendar calendar, DateOnly? from, DateOnly? to)
    {
        foreach (var day in calendar.Days(from, to))
        {
            var night = Night(calendar, day, DemoCalendar.Random(userId, day, 4).Next(), id: 2_080_000_000L + day.DayNumber);
            if (night.End <= calendar.NowUnix)
            {
                yield return night;
            }
        }
    }

    /// <summary>
    /// The seed of every night a user simulates ("Sleep a night"). The action picks the latest night that has ended by
    /// generating it, and the data calls generate it again from the record, which keeps only the day: one seed makes
    /// them generate the same night (bedtime and stages) the action found.
    /// </summary>
    public const int SimulatedNightSeed = 1;

    /// <summary>
    /// When every night ends. Bedtimes vary; the wake-up time does not: with wake-ups spread over an hour, in the hour
    /// after the earliest one the last 24 hours could hold no ended night (today's still running, yesterday's ended
    /// more than 24 hours ago), so a "last night" sleep check of the demo user came back empty one hour a day.
    /// </summary>
    public static readonly TimeSpan WakeUp = new(6, 50, 0);

    /// <summary>The night that ends on the morning of <paramref name="wakeDay"/>: awake, then ~90-minute cycles, then awake.</summary>
    public static DemoNight Night(DemoCalendar calendar, DateOnly wakeDay, int seed, long id)
    {
        var random = new Random(seed);
        var start = calendar.At(wakeDay.AddDays(-1), TimeSpan.FromMinutes(22 * 60 + 30 + random.Next(0, 60)));
        var end = calendar.At(wakeDay, WakeUp);
        var segments = new List<(long, long, int)>();
        var t = start;
        void Add(int state, int minutes)
        {
            var until = Math.Min(t + minutes * 60L, end);
            if (until > t)
            {
                segments.Add((t, until, state));
                t = until;
            }
        }
        Add(0, 8 + random.Next(0, 12));
        var finalAwake = 5 + random.Next(0, 10);
        while (t < end - finalAwake * 60L - 20 * 60)
        {
            Add(1, 30 + random.Next(0, 15));
            Add(2, 15 + random.Next(0, 20));
            Add(1, 8 + random.Next(0, 8));
            Add(3, 12 + random.Next(0, 15));
            if (random.NextDouble() < 0.25)
            {
                Add(0, 3 + random.Next(0, 5));
            }
        }
        Add(1, (int)((end - finalAwake * 60L - t) / 60));
        Add(0, finalAwake + 1);
        return new DemoNight(id, wakeDay, start, t, segments, seed);
    }
}
