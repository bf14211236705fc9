using System.Globalization;

namespace Withings.Client;

/// <summary><c>measure getmeas</c> filters: a start/end window or <c>lastupdate</c>, measure types, paging.</summary>
public sealed record MeasureQuery(
    IReadOnlyList<int>? MeasureTypes = null,
    int? Category = null,
    DateTimeOffset? StartDate = null,
    DateTimeOffset? EndDate = null,
    DateTimeOffset? LastUpdate = null,
    int? Offset = null);

/// <summary>Filters of the v2 list services that take days (getactivity, getworkouts, getsummary).</summary>
public sealed record DayRangeQuery(
    DateOnly? StartDateYmd = null,
    DateOnly? EndDateYmd = null,
    DateTimeOffset? LastUpdate = null,
    int? Offset = null,
    IReadOnlyList<string>? DataFields = null);

public sealed partial class WithingsClient
{
    public Task<WithingsResult<MeasureResponse>> GetMeasuresAsync(string accessToken, MeasureQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new MeasureQuery();
        var parameters = Action("getmeas");
        if (query.MeasureTypes is { Count: 1 } single)
        {
            Add(parameters, "meastype", single[0]);
        }
        else if (query.MeasureTypes is { Count: > 1 } types)
        {
            parameters.Add(new("meastypes", string.Join(',', types)));
        }
        Add(parameters, "category", query.Category);
        Add(parameters, "startdate", query.StartDate?.ToUnixTimeSeconds());
        Add(parameters, "enddate", query.EndDate?.ToUnixTimeSeconds());
        Add(parameters, "lastupdate", query.LastUpdate?.ToUnixTimeSeconds());
        Add(parameters, "offset", query.Offset);
        return CallAsync<MeasureResponse>(WithingsServices.Measure.Path, parameters, accessToken, retryable: true, cancellationToken);
    }

    public Task<WithingsResult<ActivityResponse>> GetActivityAsync(string accessToken, DayRangeQuery query, CancellationToken cancellationToken = default) =>
        CallAsync<ActivityResponse>(WithingsServices.MeasureV2.Path, DayRange("getactivity", query), accessToken, retryable: true, cancellationToken);

    /// <summary>A window over 24 h returns only its first 24 h; with no window, the most recent data.</summary>
    public Task<WithingsResult<IntradayResponse>> GetIntradayActivityAsync(string accessToken, DateTimeOffset? start = null, DateTimeOffset? end = null,
        IReadOnlyList<string>? dataFields = null, CancellationToken cancellationToken = default)
    {
        var parameters = Action("getintradayactivity");
        Add(parameters, "startdate", start?.ToUnixTimeSeconds());
        Add(parameters, "enddate", end?.ToUnixTimeSeconds());
        AddFields(parameters, dataFields);
        return CallAsync<IntradayResponse>(WithingsServices.MeasureV2.Path, parameters, accessToken, retryable: true, cancellationToken);
    }

    public Task<WithingsResult<WorkoutsResponse>> GetWorkoutsAsync(string accessToken, DayRangeQuery query, CancellationToken cancellationToken = default) =>
        CallAsync<WorkoutsResponse>(WithingsServices.MeasureV2.Path, DayRange("getworkouts", query), accessToken, retryable: true, cancellationToken);

    public Task<WithingsResult<SleepResponse>> GetSleepAsync(string accessToken, DateTimeOffset start, DateTimeOffset end,
        IReadOnlyList<string>? dataFields = null, CancellationToken cancellationToken = default)
    {
        var parameters = Action("get");
        Add(parameters, "startdate", start.ToUnixTimeSeconds());
        Add(parameters, "enddate", end.ToUnixTimeSeconds());
        AddFields(parameters, dataFields);
        return CallAsync<SleepResponse>(WithingsServices.Sleep.Path, parameters, accessToken, retryable: true, cancellationToken);
    }

    public Task<WithingsResult<SleepSummaryResponse>> GetSleepSummaryAsync(string accessToken, DayRangeQuery query, CancellationToken cancellationToken = default) =>
        CallAsync<SleepSummaryResponse>(WithingsServices.Sleep.Path, DayRange("getsummary", query), accessToken, retryable: true, cancellationToken);

    public Task<WithingsResult<DevicesResponse>> GetDevicesAsync(string accessToken, CancellationToken cancellationToken = default) =>
        CallAsync<DevicesResponse>(WithingsServices.User.Path, Action("getdevice"), accessToken, retryable: true, cancellationToken);

    public Task<WithingsResult<GoalsResponse>> GetGoalsAsync(string accessToken, CancellationToken cancellationToken = default) =>
        CallAsync<GoalsResponse>(WithingsServices.User.Path, Action("getgoals"), accessToken, retryable: true, cancellationToken);

    public Task<WithingsResult<HeartListResponse>> ListHeartAsync(string accessToken, DateTimeOffset? start = null, DateTimeOffset? end = null,
        int? offset = null, CancellationToken cancellationToken = default)
    {
        var parameters = Action("list");
        Add(parameters, "startdate", start?.ToUnixTimeSeconds());
        Add(parameters, "enddate", end?.ToUnixTimeSeconds());
        Add(parameters, "offset", offset);
        return CallAsync<HeartListResponse>(WithingsServices.Heart.Path, parameters, accessToken, retryable: true, cancellationToken);
    }

    public Task<WithingsResult<HeartSignalResponse>> GetHeartSignalAsync(string accessToken, long signalId, CancellationToken cancellationToken = default)
    {
        var parameters = Action("get");
        Add(parameters, "signalid", signalId);
        return CallAsync<HeartSignalResponse>(WithingsServices.Heart.Path, parameters, accessToken, retryable: true, cancellationToken);
    }

    private static List<KeyValuePair<string, string>> Action(string action) => [new("action", action)];

    private static List<KeyValuePair<string, string>> DayRange(string action, DayRangeQuery query)
    {
        var parameters = Action(action);
        if (query.StartDateYmd is { } start)
        {
            parameters.Add(new("startdateymd", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        if (query.EndDateYmd is { } end)
        {
            parameters.Add(new("enddateymd", end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        Add(parameters, "lastupdate", query.LastUpdate?.ToUnixTimeSeconds());
        Add(parameters, "offset", query.Offset);
        AddFields(parameters, query.DataFields);
        return parameters;
    }

    private static void Add(List<KeyValuePair<string, string>> parameters, string name, long? value)
    {
        if (value is { } v)
        {
            parameters.Add(new(name, v.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static void AddFields(List<KeyValuePair<string, string>> parameters, IReadOnlyList<string>? fields)
    {
        if (fields is { Count: > 0 })
        {
            parameters.Add(new("data_fields", string.Join(',', fields)));
        }
    }
}
