using Withings.Client;
using Withings.Sandbox.DataCalls;
using Withings.Sandbox.DemoData;
using Withings.Sandbox.Wire;

namespace Withings.Sandbox.Sleep;

/// <summary><c>{base}/wbsapi/v2/sleep</c>: get (state segments) and getsummary (nights), scope user.activity.</summary>
internal static class SleepEndpoints
{
    public const int SummaryPageSize = 300;

    /// <summary>
    /// Decision on a conflict in the OpenAPI (24 h vs 7 days): a get window of up to 7 days returns every segment in it;
    /// a longer one is refused, as reported for multi-week ranges (https://github.com/vangorra/python_withings_api/issues/62).
    /// </summary>
    public const int MaxGetSpanSeconds = 7 * 86400;

    private static readonly IReadOnlyDictionary<string, string?> Actions = WithingsServices.Sleep.ScopesOf("get", "getsummary");

    public static RouteGroupBuilder MapSleepEndpoints(this RouteGroupBuilder wbsapi)
    {
        wbsapi.MapMethods(WithingsServices.Sleep.Path, SandboxRoutes.GetAndPost, HandleAsync).WithName("SandboxSleep");
        return wbsapi;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, DataCallGate gate, SandboxDataSource data)
    {
        var (call, rejection) = await gate.OpenAsync(http, Actions);
        if (call is null)
        {
            return rejection!;
        }
        return call.Action == "get" ? await GetAsync(call, data, http.RequestAborted) : await GetSummaryAsync(call, data, http.RequestAborted);
    }

    private static async Task<IResult> GetAsync(DataCall call, SandboxDataSource data, CancellationToken ct)
    {
        if (!DataParameters.TryUnix(call.Request, "startdate", out var start, out var error) ||
            !DataParameters.TryUnix(call.Request, "enddate", out var end, out error) ||
            !DataParameters.TryDataFields(call.Request, DemoNight.SegmentFields, out var fields, out error))
        {
            return error!;
        }
        if (start is null || end is null)
        {
            return WithingsReply.InvalidParams("send startdate and enddate (Unix seconds)");
        }
        if (start > end)
        {
            return WithingsReply.InvalidParams($"startdate {start} is after enddate {end}");
        }
        if (end - start > MaxGetSpanSeconds)
        {
            return WithingsReply.InvalidParams("the window from startdate to enddate may not exceed 7 days");
        }
        var calendar = data.Calendar(call.User);
        var nights = await data.NightsAsync(call.User, calendar.DayOf(start.Value), calendar.DayOf(end.Value).AddDays(1), ct);
        var segments = nights.Where(n => n.End > start && n.Start < end)
            .SelectMany(n => n.SegmentJson(call.User.Id, start.Value, end.Value, fields ?? []))
            .ToArray();
        return segments.Length == 0
            ? WithingsReply.Ok(new { series = segments })
            : WithingsReply.Ok(new { series = segments, model = 32 });
    }

    private static async Task<IResult> GetSummaryAsync(DataCall call, SandboxDataSource data, CancellationToken ct)
    {
        if (!DataParameters.TryDayWindow(call.Request, out var from, out var to, out var lastUpdate, out var error) ||
            !DataParameters.TryInt(call.Request, "offset", out var offset, out error) ||
            !DataParameters.TryDataFields(call.Request, DemoNight.SummaryFields, out var fields, out error))
        {
            return error!;
        }
        var nights = (await data.NightsAsync(call.User, from, to, ct)).Where(n => lastUpdate is null || n.End + 600 >= lastUpdate).ToList();
        var (page, more, next) = DataParameters.Page(nights, offset, SummaryPageSize);
        return WithingsReply.Ok(new
        {
            series = page.Select(n => n.SummaryJson(call.User.Id, call.User.Timezone, fields)).ToArray(),
            more,
            offset = next,
        });
    }
}
