using System.Globalization;
using Withings.Client;
using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Playground;

/// <summary>A data call the playground offers: its service and action, the scope it needs, and which inputs it takes.</summary>
public sealed record DataCall(string Id, WithingsService Service, string Action, string Label, DataCallParameters Parameters)
{
    public string? Scope => Service == WithingsServices.Notify ? null : Service.ScopeOf(Action);

    public string Title => $"{Service.Path} action={Action}";
}

[Flags]
public enum DataCallParameters
{
    None = 0,
    MeasureTypes = 1,
    Category = 2,
    Dates = 4,
    Days = 8,
    LastUpdate = 16,
    Offset = 32,
    DataFields = 64,
    SignalId = 128,
    Callback = 256,
}

/// <summary>The data and notify calls of the playground, and how each is made with the portal's client.</summary>
public static class DataCalls
{
    public const string GetMeas = "getmeas";
    public const string GetActivity = "getactivity";
    public const string GetIntraday = "getintradayactivity";
    public const string GetWorkouts = "getworkouts";
    public const string SleepGet = "sleep-get";
    public const string SleepSummary = "sleep-getsummary";
    public const string GetDevice = "getdevice";
    public const string GetGoals = "getgoals";
    public const string HeartList = "heart-list";
    public const string HeartGet = "heart-get";
    public const string NotifyList = "notify-list";
    public const string NotifyGet = "notify-get";
    public const string NotifySubscribe = "notify-subscribe";
    public const string NotifyRevoke = "notify-revoke";

    private const DataCallParameters DayRange = DataCallParameters.Days | DataCallParameters.LastUpdate | DataCallParameters.Offset;

    public static IReadOnlyList<DataCall> All { get; } =
    [
        new(GetMeas, WithingsServices.Measure, "getmeas", "Measures (weight, body composition, blood pressure…)",
            DataCallParameters.MeasureTypes | DataCallParameters.Category | DataCallParameters.Dates | DataCallParameters.LastUpdate | DataCallParameters.Offset),
        new(GetActivity, WithingsServices.MeasureV2, "getactivity", "Activity per day (steps, distance, calories)", DayRange),
        new(GetIntraday, WithingsServices.MeasureV2, "getintradayactivity", "Intraday activity (samples within a day)",
            DataCallParameters.Dates | DataCallParameters.DataFields),
        new(GetWorkouts, WithingsServices.MeasureV2, "getworkouts", "Workouts", DayRange | DataCallParameters.DataFields),
        new(SleepGet, WithingsServices.Sleep, "get", "Sleep stages of a night", DataCallParameters.Dates | DataCallParameters.DataFields),
        new(SleepSummary, WithingsServices.Sleep, "getsummary", "Sleep summary per night", DayRange | DataCallParameters.DataFields),
        new(GetDevice, WithingsServices.User, "getdevice", "Devices linked to the user", DataCallParameters.None),
        new(GetGoals, WithingsServices.User, "getgoals", "The user's goals", DataCallParameters.None),
        new(HeartList, WithingsServices.Heart, "list", "ECG recordings", DataCallParameters.Dates | DataCallParameters.Offset),
        new(HeartGet, WithingsServices.Heart, "get", "One ECG signal", DataCallParameters.SignalId),
        new(NotifyList, WithingsServices.Notify, "list", "Notification subscriptions", DataCallParameters.None),
        new(NotifyGet, WithingsServices.Notify, "get", "One notification subscription", DataCallParameters.Callback),
        new(NotifySubscribe, WithingsServices.Notify, "subscribe", "Subscribe a callback to notifications", DataCallParameters.Callback),
        new(NotifyRevoke, WithingsServices.Notify, "revoke", "Revoke a notification subscription", DataCallParameters.Callback),
    ];

    /// <summary>data_fields a visitor may pick, by call (the API reference's lists, most used first).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DataFieldChoices { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [GetIntraday] = ["steps", "elevation", "calories", "distance", "stroke", "pool_lap", "duration", "heart_rate", "spo2_auto"],
        [GetWorkouts] = ["calories", "intensity", "manual_distance", "manual_calories", "hr_average", "hr_min", "hr_max", "steps", "distance", "elevation"],
        [SleepGet] = ["hr", "rr", "snoring", "sdnn_1", "rmssd", "mvt_score"],
        [SleepSummary] = ["total_sleep_time", "total_timeinbed", "sleep_efficiency", "sleep_latency", "wakeup_latency", "waso", "deepsleepduration",
            "lightsleepduration", "remsleepduration", "wakeupcount", "hr_average", "hr_min", "hr_max", "rr_average", "snoring", "sleep_score"],
    };

    public static DataCall Find(string id) => All.Single(call => call.Id == id);

    /// <summary>Makes the call with the linked user's access token.</summary>
    public static async Task<PlaygroundExchange> RunAsync(WithingsClient client, string accessToken, DataCallInput input, string origin, DateTimeOffset now,
        CancellationToken ct)
    {
        var call = Find(input.CallId);
        var start = Utc(input.StartDate);
        var end = Utc(input.EndDate);
        var lastUpdate = Utc(input.LastUpdate);
        var days = new DayRangeQuery(Day(input.StartDate), Day(input.EndDate), lastUpdate, input.Offset,
            input.DataFields.Count > 0 && call.Parameters.HasFlag(DataCallParameters.DataFields) ? [.. input.DataFields] : null);
        var fields = input.DataFields.Count > 0 ? input.DataFields.ToList() : null;
        var callback = input.CallbackUrl ?? "";
        var endpoint = call.Service == WithingsServices.Notify ? EndpointKinds.Notify : EndpointKinds.Data;

        PlaygroundExchange Shown<T>(WithingsResult<T> result, string csharp) =>
            PlaygroundExchange.From(call.Title, result, origin, csharp, endpoint, action: call.Action);

        return input.CallId switch
        {
            GetMeas => Shown(await client.GetMeasuresAsync(accessToken, new MeasureQuery(input.MeasureTypes.Count > 0 ? [.. input.MeasureTypes] : null,
                    input.Category, start, end, lastUpdate, input.Offset), ct),
                $"var result = await client.GetMeasuresAsync(accessToken, new MeasureQuery(MeasureTypes: [{string.Join(", ", input.MeasureTypes)}], " +
                $"Category: {Text(input.Category)}, StartDate: {Text(start)}, EndDate: {Text(end)}, LastUpdate: {Text(lastUpdate)}, Offset: {Text(input.Offset)}));"),
            GetActivity => Shown(await client.GetActivityAsync(accessToken, days, ct), $"var result = await client.GetActivityAsync(accessToken, {Text(days)});"),
            GetWorkouts => Shown(await client.GetWorkoutsAsync(accessToken, days, ct), $"var result = await client.GetWorkoutsAsync(accessToken, {Text(days)});"),
            SleepSummary => Shown(await client.GetSleepSummaryAsync(accessToken, days, ct), $"var result = await client.GetSleepSummaryAsync(accessToken, {Text(days)});"),
            GetIntraday => Shown(await client.GetIntradayActivityAsync(accessToken, start, end, fields, ct),
                $"var result = await client.GetIntradayActivityAsync(accessToken, {Text(start)}, {Text(end)}, {Text(fields)});"),
            SleepGet => Shown(await client.GetSleepAsync(accessToken, start ?? now.AddHours(-24), end ?? now, fields, ct),
                $"var result = await client.GetSleepAsync(accessToken, {Text(start ?? now.AddHours(-24))}, {Text(end ?? now)}, {Text(fields)});"),
            GetDevice => Shown(await client.GetDevicesAsync(accessToken, ct), "var result = await client.GetDevicesAsync(accessToken);"),
            GetGoals => Shown(await client.GetGoalsAsync(accessToken, ct), "var result = await client.GetGoalsAsync(accessToken);"),
            HeartList => Shown(await client.ListHeartAsync(accessToken, start, end, input.Offset, ct),
                $"var result = await client.ListHeartAsync(accessToken, {Text(start)}, {Text(end)}, {Text(input.Offset)});"),
            HeartGet => Shown(await client.GetHeartSignalAsync(accessToken, input.SignalId ?? 0, ct),
                $"var result = await client.GetHeartSignalAsync(accessToken, {Text(input.SignalId ?? 0)});"),
            NotifyList => Shown(await client.ListSubscriptionsAsync(accessToken, null, ct), "var result = await client.ListSubscriptionsAsync(accessToken);"),
            NotifyGet => Shown(await client.GetSubscriptionAsync(accessToken, callback, input.Appli, ct),
                $"var result = await client.GetSubscriptionAsync(accessToken, \"{callback}\", appli: {Text(input.Appli)});"),
            NotifySubscribe => Shown(await client.SubscribeAsync(accessToken, callback, input.Appli, "playground", ct),
                $"var result = await client.SubscribeAsync(accessToken, \"{callback}\", appli: {Text(input.Appli)}, comment: \"playground\");"),
            NotifyRevoke => Shown(await client.RevokeSubscriptionAsync(accessToken, callback, input.Appli, ct),
                $"var result = await client.RevokeSubscriptionAsync(accessToken, \"{callback}\", appli: {Text(input.Appli)});"),
            _ => throw new ArgumentException($"Unknown playground call '{input.CallId}'.", nameof(input)),
        };
    }

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    private static DateOnly? Day(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;

    private static string Text(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static string Text(DateTimeOffset? value) =>
        value is { } v ? $"DateTimeOffset.FromUnixTimeSeconds({v.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)})" : "null";

    private static string Text(IReadOnlyList<string>? fields) => fields is null ? "null" : $"[{string.Join(", ", fields.Select(f => $"\"{f}\""))}]";

    private static string Text(DayRangeQuery query) =>
        $"new DayRangeQuery(StartDateYmd: {Text(query.StartDateYmd)}, EndDateYmd: {Text(query.EndDateYmd)}, LastUpdate: {Text(query.LastUpdate)}, " +
        $"Offset: {Text(query.Offset)}, DataFields: {Text(query.DataFields)})";

    private static string Text(DateOnly? day) =>
        day is { } d ? $"new DateOnly({d.Year.ToString(CultureInfo.InvariantCulture)}, {d.Month.ToString(CultureInfo.InvariantCulture)}, {d.Day.ToString(CultureInfo.InvariantCulture)})" : "null";
}
