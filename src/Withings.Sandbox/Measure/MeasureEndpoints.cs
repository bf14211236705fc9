using Withings.Client;
using Withings.Sandbox.DataCalls;
using Withings.Sandbox.DemoData;
using Withings.Sandbox.Wire;

namespace Withings.Sandbox.Measure;

/// <summary><c>{base}/wbsapi/measure action=getmeas</c> (scope user.metrics). Here <c>more</c> is an integer.</summary>
internal static class MeasureEndpoints
{
    public const int PageSize = 200;

    private static readonly IReadOnlyDictionary<string, string?> Actions = WithingsServices.Measure.ScopesOf("getmeas");

    public static RouteGroupBuilder MapMeasureEndpoints(this RouteGroupBuilder wbsapi)
    {
        wbsapi.MapMethods(WithingsServices.Measure.Path, SandboxRoutes.GetAndPost, GetMeasAsync).WithName("SandboxGetmeas");
        return wbsapi;
    }

    private static async Task<IResult> GetMeasAsync(HttpContext http, DataCallGate gate, SandboxDataSource data)
    {
        var (call, rejection) = await gate.OpenAsync(http, Actions);
        if (call is null)
        {
            return rejection!;
        }
        var request = call.Request;
        if (!DataParameters.TryInt(request, "meastype", out var meastype, out var error) ||
            !DataParameters.TryInt(request, "category", out var category, out error) ||
            !DataParameters.TryUnix(request, "startdate", out var start, out error) ||
            !DataParameters.TryUnix(request, "enddate", out var end, out error) ||
            !DataParameters.TryUnix(request, "lastupdate", out var lastUpdate, out error) ||
            !DataParameters.TryInt(request, "offset", out var offset, out error) ||
            !TryTypes(request.Get("meastypes"), out var types, out error))
        {
            return error!;
        }
        if (category is not (null or 1 or 2))
        {
            return WithingsReply.InvalidParams($"category must be 1 (real measures) or 2 (user objectives), got {category}");
        }
        if (start > end)
        {
            return WithingsReply.InvalidParams($"startdate {start} is after enddate {end}");
        }
        if (meastype is { } single)
        {
            if (MeasureTypes.Find(single) is null)
            {
                return WithingsReply.InvalidParams($"invalid meastype: {single} is not a measure type");
            }
            types = [.. types, single];
        }

        var calendar = data.Calendar(call.User);
        var groups = category == 2 ? [] : await data.MeasureGroupsAsync(call.User, http.RequestAborted);
        var selected = groups
            .Where(g => (start is null || g.Date >= start) && (end is null || g.Date <= end) && (lastUpdate is null || g.Modified >= lastUpdate))
            .Select(g => types.Count == 0 ? g : g with { Measures = [.. g.Measures.Where(m => types.Contains(m.Type))] })
            .Where(g => g.Measures.Count > 0)
            .OrderByDescending(g => g.Date)
            .ToList();
        var (page, more, next) = DataParameters.Page(selected, offset, PageSize);
        return WithingsReply.Ok(new
        {
            updatetime = calendar.NowUnix,
            timezone = call.User.Timezone,
            measuregrps = page.Select(g => g.ToJson(call.User.Id)).ToArray(),
            more = more ? 1 : 0,
            offset = next,
        });
    }

    private static bool TryTypes(string? text, out List<int> types, out IResult? error)
    {
        types = [];
        error = null;
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var type) || MeasureTypes.Find(type) is null)
            {
                error = WithingsReply.InvalidParams($"invalid meastypes: \"{part}\" is not a measure type");
                return false;
            }
            types.Add(type);
        }
        return true;
    }
}
