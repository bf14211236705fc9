using System.Globalization;
using Withings.Client;
using Withings.Sandbox.DataCalls;
using Withings.Sandbox.DemoData;
using Withings.Sandbox.Wire;

namespace Withings.Sandbox.Measure;

/// <summary><c>{base}/wbsapi/v2/measure</c>: getactivity, getintradayactivity, getworkouts (scope user.activity). <c>more</c> is a boolean.</summary>
internal static class MeasureV2Endpoints
{
    public const int ActivityPageSize = 200;
    public const int WorkoutPageSize = 300;
    public const int IntradayStepSeconds = 600;
    public const int IntradayMaxSpanSeconds = 86400;

    private static readonly IReadOnlyDictionary<string, string?> Actions = WithingsServices.MeasureV2.ScopesOf("getactivity", "getintradayactivity", "getworkouts");

    public static RouteGroupBuilder MapMeasureV2Endpoints(this RouteGroupBuilder wbsapi)
    {
        wbsapi.MapMethods(WithingsServices.MeasureV2.Path, SandboxRoutes.GetAndPost, HandleAsync).WithName("SandboxMeasureV2");
        return wbsapi;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, DataCallGate gate, SandboxDataSource data)
    {
        var (call, rejection) = await gate.OpenAsync(http, Actions);
        if (call is null)
        {
            return rejection!;
        }
        return call.Action switch
        {
            "getactivity" => await GetActivityAsync(call, data, http.RequestAborted),
            "getintradayactivity" => await GetIntradayAsync(call, data, http.RequestAborted),
            _ => await GetWorkoutsAsync(call, data, http.RequestAborted),
        };
    }

    private static async Task<IResult> GetActivityAsync(DataCall call, SandboxDataSource data, CancellationToken ct)
    {
        if (!DataParameters.TryDayWindow(call.Request, out var from, out var to, out var lastUpdate, out var error) ||
            !DataParameters.TryInt(call.Request, "offset", out var offset, out error) ||
            !DataParameters.TryDataFields(call.Request, DemoActivityDay.Fields, out var fields, out error))
        {
            return error!;
        }
        var days = (await data.ActivityDaysAsync(call.User, from, to, ct)).Where(d => lastUpdate is null || d.Modified >= lastUpdate).ToList();
        var (page, more, next) = DataParameters.Page(days, offset, ActivityPageSize);
        return WithingsReply.Ok(new
        {
            activities = page.Select(d => d.ToJson(call.User.Id, call.User.Timezone, fields)).ToArray(),
            more,
            offset = next,
        });
    }

    /// <summary>A window over 24 h returns only its first 24 h; no window returns the last 24 h (OpenAPI).</summary>
    private static async Task<IResult> GetIntradayAsync(DataCall call, SandboxDataSource data, CancellationToken ct)
    {
        if (!DataParameters.TryUnix(call.Request, "startdate", out var start, out var error) ||
            !DataParameters.TryUnix(call.Request, "enddate", out var end, out error) ||
            !DataParameters.TryDataFields(call.Request, ActivityGenerator.IntradayFields, out var fields, out error))
        {
            return error!;
        }
        if (start > end)
        {
            return WithingsReply.InvalidParams($"startdate {start} is after enddate {end}");
        }
        var calendar = data.Calendar(call.User);
        var from = start ?? (end ?? calendar.NowUnix) - IntradayMaxSpanSeconds;
        // The first 24 hours of the window: [from, from + 24 h), and never past the end or now.
        var to = Math.Min(Math.Min(end ?? long.MaxValue, from + IntradayMaxSpanSeconds - 1), calendar.NowUnix);
        var wornOn = await data.WornOnAsync(call.User, ct);
        var series = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var t = (from + IntradayStepSeconds - 1) / IntradayStepSeconds * IntradayStepSeconds; t <= to; t += IntradayStepSeconds)
        {
            if (wornOn(calendar.DayOf(t)))
            {
                series[t.ToString(CultureInfo.InvariantCulture)] =
                    ActivityGenerator.IntradayPoint(call.User.Id, calendar, t, fields ?? ActivityGenerator.DefaultIntradayFields);
            }
        }
        // Decision: an empty series is sent as [] (the PHP empty-array quirk the API shows for "goals"), a filled one as an object.
        return WithingsReply.Ok(new { series = series.Count == 0 ? (object)Array.Empty<object>() : series });
    }

    private static async Task<IResult> GetWorkoutsAsync(DataCall call, SandboxDataSource data, CancellationToken ct)
    {
        if (!DataParameters.TryDayWindow(call.Request, out var from, out var to, out var lastUpdate, out var error) ||
            !DataParameters.TryInt(call.Request, "offset", out var offset, out error) ||
            !DataParameters.TryDataFields(call.Request, DemoWorkout.Fields, out var fields, out error))
        {
            return error!;
        }
        var workouts = (await data.WorkoutsAsync(call.User, from, to, ct)).Where(w => lastUpdate is null || w.Modified >= lastUpdate).ToList();
        var (page, more, next) = DataParameters.Page(workouts, offset, WorkoutPageSize);
        return WithingsReply.Ok(new
        {
            series = page.Select(w => w.ToJson(call.User.Id, call.User.Timezone, fields)).ToArray(),
            more,
            offset = next,
        });
    }
}
