using System.Globalization;
using Withings.Client;

namespace Withings.Portal.Playground;

/// <summary>A series worth a chart: labels along the x axis and one or more named series of numbers.</summary>
public sealed record ChartSeriesData(string Title, bool Bars, IReadOnlyList<string> Labels, IReadOnlyList<(string Name, double[] Values)> Series, string Unit);

/// <summary>An answer in words: one line per item in real units, how many items, the newest date, and a chart when one helps.</summary>
public sealed record Reading(IReadOnlyList<string> Lines, int Count, DateTimeOffset? Newest, ChartSeriesData? Chart)
{
    public bool IsEmpty => Count == 0;
}

/// <summary>
/// Turns the client's typed bodies into what a person reads: value × 10^unit with the measure type's name and unit,
/// "121/78 mmHg", "7 h 12 min asleep", workout categories and sleep states by name.
/// </summary>
public static class Readings
{
    private const int MaxLines = 50;

    /// <summary>Workout categories 1–36 as named in the API reference (workout_object.category).</summary>
    private static readonly string[] WorkoutNames =
    [
        "", "Walk", "Run", "Hiking", "Skating", "BMX", "Bicycling", "Swimming", "Surfing", "Kitesurfing", "Windsurfing", "Bodyboard", "Tennis",
        "Table tennis", "Squash", "Badminton", "Lift weights", "Fitness", "Elliptical", "Pilates", "Basket-ball", "Soccer", "Football", "Rugby",
        "Volley-ball", "Waterpolo", "Horse riding", "Golf", "Yoga", "Dancing", "Boxing", "Fencing", "Wrestling", "Martial arts", "Skiing",
        "Snowboarding", "Other",
    ];

    public static Reading Of(object? body) => body switch
    {
        MeasureResponse measures => Measures(measures),
        ActivityResponse activity => Activity(activity),
        IntradayResponse intraday => Intraday(intraday),
        WorkoutsResponse workouts => Workouts(workouts),
        SleepResponse sleep => Sleep(sleep),
        SleepSummaryResponse summary => SleepSummaries(summary),
        DevicesResponse devices => Devices(devices),
        GoalsResponse goals => Goals(goals.Goals),
        HeartListResponse heart => Heart(heart),
        HeartSignalResponse signal => new([$"ECG signal: {signal.Signal.Count} samples at {signal.SamplingFrequency} Hz ({Duration(TimeSpan.FromSeconds(signal.Signal.Count / (double)Math.Max(1, signal.SamplingFrequency)))})."],
            signal.Signal.Count, null, null),
        NotifyListResponse list => new([.. list.Profiles.Select(p => $"appli {p.Appli} ({AppliName(p.Appli)}) → {p.CallbackUrl}{(p.Comment is null ? "" : $" “{p.Comment}”")}")],
            list.Profiles.Count, null, null),
        NotifySubscription subscription => new([$"appli {subscription.Appli} ({AppliName(subscription.Appli)}) → {subscription.CallbackUrl}"], 1, null, null),
        EmptyBody => new(["Done (status 0, empty body)."], 1, null, null),
        _ => new([], 0, null, null),
    };

    public static string Value(Measure measure) =>
        measure.Kind is { } kind
            ? $"{kind.Name} {Number(measure.RealValue)}{(kind.Unit.Length == 0 ? "" : " " + kind.Unit)}"
            : $"Type {measure.Type}: {Number(measure.RealValue)}";

    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min" : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min" : $"{span.Seconds} s";

    private static Reading Measures(MeasureResponse response)
    {
        var groups = response.MeasureGroups.OrderByDescending(g => g.Date).ToList();
        var lines = groups.Take(MaxLines).Select(Group).ToList();
        var weights = response.MeasureGroups.OrderBy(g => g.Date)
            .SelectMany(g => g.Measures.Where(m => m.Type == MeasureTypes.Weight).Select(m => (g.TakenAt, Kg: (double)m.RealValue)))
            .ToList();
        var chart = weights.Count >= 2
            ? new ChartSeriesData("Weight over time", false, Labels(weights.Select(w => w.TakenAt)), [("Weight (kg)", [.. weights.Select(w => w.Kg)])], "kg")
            : null;
        if (response.More)
        {
            lines.Add($"More groups follow: call again with offset={response.Offset}.");
        }
        return new(lines, groups.Count, groups.FirstOrDefault()?.TakenAt, chart);
    }

    private static string Group(MeasureGroup group)
    {
        var values = new List<string>();
        var systolic = group.Measures.FirstOrDefault(m => m.Type == MeasureTypes.SystolicBloodPressure);
        var diastolic = group.Measures.FirstOrDefault(m => m.Type == MeasureTypes.DiastolicBloodPressure);
        if (systolic is not null && diastolic is not null)
        {
            values.Add($"Blood pressure {Number(systolic.RealValue)}/{Number(diastolic.RealValue)} mmHg");
        }
        values.AddRange(group.Measures
            .Where(m => systolic is null || diastolic is null || (m.Type != MeasureTypes.SystolicBloodPressure && m.Type != MeasureTypes.DiastolicBloodPressure))
            .Select(Value));
        var source = group.IsManual ? "entered by hand" : group.Model ?? (group.DeviceId is null ? "no device" : "a device");
        var category = group.Category == 2 ? ", objective" : "";
        return $"{When(group.TakenAt)}: {string.Join(", ", values)} ({source}{category})";
    }

    private static Reading Activity(ActivityResponse response)
    {
        var days = response.Activities.OrderBy(a => a.Date, StringComparer.Ordinal).ToList();
        var lines = days.AsEnumerable().Reverse().Take(MaxLines).Select(d =>
            $"{d.Date}: {Number((decimal)(d.Steps ?? 0))} steps, {Number(Math.Round((decimal)(d.Distance ?? 0) / 1000m, 2))} km, " +
            $"{Number(Math.Round((decimal)(d.TotalCalories ?? 0)))} kcal in total, active {Duration(TimeSpan.FromSeconds(d.Active ?? 0))}" +
            (d.HeartRateAverage is { } hr ? $", heart rate {Number((decimal)hr)} bpm on average" : "")).ToList();
        var chart = days.Count >= 2
            ? new ChartSeriesData("Steps per day", true, Labels(days.Select(d => Day(d.Date) ?? DateTimeOffset.MinValue)), [("Steps", [.. days.Select(d => d.Steps ?? 0)])], "steps")
            : null;
        return new(lines, days.Count, days.Count == 0 ? null : Day(days[^1].Date), chart);
    }

    private static Reading Intraday(IntradayResponse response)
    {
        var points = response.Points.ToList();
        var steps = points.Sum(p => p.Value.Steps ?? 0);
        var lines = points.Count == 0
            ? new List<string>()
            : [$"{points.Count} samples from {When(points[0].Key)} to {When(points[^1].Key)}: {Number((decimal)steps)} steps in all."];
        lines.AddRange(points.AsEnumerable().Reverse().Take(20).Select(p =>
            $"{When(p.Key)}: {string.Join(", ", Parts(p.Value))}"));
        return new(lines, points.Count, points.Count == 0 ? null : points[^1].Key, null);

        static IEnumerable<string> Parts(IntradayPoint point)
        {
            if (point.Steps is { } s) yield return $"{Number((decimal)s)} steps";
            if (point.HeartRate is { } hr) yield return $"{Number((decimal)hr)} bpm";
            if (point.Calories is { } c) yield return $"{Number(Math.Round((decimal)c, 1))} kcal";
            if (point.Distance is { } d) yield return $"{Number(Math.Round((decimal)d))} m";
        }
    }

    private static Reading Workouts(WorkoutsResponse response)
    {
        var workouts = response.Series.OrderByDescending(w => w.StartDate).ToList();
        var lines = workouts.Take(MaxLines).Select(w =>
            $"{When(DateTimeOffset.FromUnixTimeSeconds(w.StartDate))}: {WorkoutName(w.Category)} for {Duration(TimeSpan.FromSeconds(w.EndDate - w.StartDate))}" +
            (w.Number("calories") is { } kcal ? $", {Number(Math.Round((decimal)kcal))} kcal" : "") +
            (w.Number("hr_average") is { } hr ? $", heart rate {Number((decimal)hr)} bpm on average" : "")).ToList();
        return new(lines, workouts.Count, workouts.Count == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(workouts[0].StartDate), null);
    }

    private static Reading Sleep(SleepResponse response)
    {
        var segments = response.Series.OrderBy(s => s.StartDate).ToList();
        var byState = segments.GroupBy(s => s.StateName)
            .Select(g => (State: g.Key, Minutes: g.Sum(s => (s.EndDate - s.StartDate) / 60.0)))
            .OrderByDescending(g => g.Minutes).ToList();
        var lines = new List<string>();
        if (segments.Count > 0)
        {
            var asleep = segments.Where(s => s.State is 1 or 2 or 3).Sum(s => s.EndDate - s.StartDate);
            lines.Add($"{Duration(TimeSpan.FromSeconds(asleep))} asleep between {When(DateTimeOffset.FromUnixTimeSeconds(segments[0].StartDate))} and " +
                      $"{When(DateTimeOffset.FromUnixTimeSeconds(segments[^1].EndDate))}: " +
                      string.Join(", ", byState.Select(g => $"{g.State} {Duration(TimeSpan.FromMinutes(g.Minutes))}")) + ".");
        }
        lines.AddRange(segments.Take(MaxLines).Select(s =>
            $"{When(DateTimeOffset.FromUnixTimeSeconds(s.StartDate))}–{DateTimeOffset.FromUnixTimeSeconds(s.EndDate).ToString("HH:mm", CultureInfo.InvariantCulture)} {s.StateName}"));
        var chart = byState.Count > 0
            ? new ChartSeriesData("Sleep stages (minutes)", true, [.. byState.Select(g => g.State)], [("Minutes", [.. byState.Select(g => Math.Round(g.Minutes))])], "min")
            : null;
        return new(lines, segments.Count, segments.Count == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(segments[^1].EndDate), chart);
    }

    private static Reading SleepSummaries(SleepSummaryResponse response)
    {
        var nights = response.Series.OrderByDescending(n => n.EndDate).ToList();
        var lines = nights.Take(MaxLines).Select(n =>
            $"Night to {n.Date}: " + (n.TotalSleepTime is { } asleep ? $"{Duration(asleep)} asleep" : "no total sleep time") +
            (n.Number("sleep_score") is { } score ? $", sleep score {Number((decimal)score)}" : "") +
            (n.Number("wakeupcount") is { } wakeups ? $", woke up {Number((decimal)wakeups)} times" : "") +
            (n.Number("hr_average") is { } hr ? $", heart rate {Number((decimal)hr)} bpm on average" : "")).ToList();
        return new(lines, nights.Count, nights.Count == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(nights[0].EndDate), null);
    }

    private static Reading Devices(DevicesResponse response) =>
        new([.. response.Devices.Select(d => $"{d.Model ?? "Unknown model"} ({d.Type}{(d.ModelId is { } id ? $", model {id}" : "")}), battery {d.Battery ?? "unknown"}" +
                (d.LastSessionDate is { } last ? $", last used {When(DateTimeOffset.FromUnixTimeSeconds(last))}" : ""))],
            response.Devices.Count,
            response.Devices.Select(d => d.LastSessionDate).Max() is { } newest ? DateTimeOffset.FromUnixTimeSeconds(newest) : null, null);

    private static Reading Goals(Goals goals)
    {
        var lines = new List<string>();
        if (goals.Steps is { } steps) lines.Add($"{Number(steps)} steps a day");
        if (goals.Sleep is { } sleep) lines.Add($"{Duration(TimeSpan.FromSeconds(sleep))} of sleep a night");
        if (goals.Weight is { } weight) lines.Add($"Weight {Number(weight.Kilograms)} kg");
        return new(lines, lines.Count, null, null);
    }

    private static Reading Heart(HeartListResponse response)
    {
        var recordings = response.Series.OrderByDescending(r => r.Timestamp).ToList();
        var lines = recordings.Take(MaxLines).Select(r =>
            $"{When(DateTimeOffset.FromUnixTimeSeconds(r.Timestamp))}: " +
            (r.Ecg is { } ecg ? $"ECG (signal {ecg.SignalId}, AFib result {ecg.Afib})" : "no ECG") +
            (r.HeartRate is { } hr ? $", heart rate {hr} bpm" : "") +
            (r.BloodPressure is { } bp ? $", blood pressure {bp.Systole}/{bp.Diastole} mmHg" : "")).ToList();
        return new(lines, recordings.Count, recordings.Count == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(recordings[0].Timestamp), null);
    }

    private static string WorkoutName(int category) =>
        category > 0 && category < WorkoutNames.Length ? WorkoutNames[category] : $"Workout category {category}";

    private static string AppliName(int appli) => NotifyAppli.Names.TryGetValue(appli, out var name) ? name : "unknown category";

    /// <summary>About ten dates along the axis; the others stay blank so the labels do not overlap.</summary>
    private static IReadOnlyList<string> Labels(IEnumerable<DateTimeOffset> dates)
    {
        var all = dates.ToList();
        var every = Math.Max(1, (int)Math.Ceiling(all.Count / 10.0));
        return [.. all.Select((d, i) => i % every == 0 ? d.ToString("MM-dd", CultureInfo.InvariantCulture) : "")];
    }

    private static string When(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Day(string ymd) =>
        DateOnly.TryParseExact(ymd, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;

    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
