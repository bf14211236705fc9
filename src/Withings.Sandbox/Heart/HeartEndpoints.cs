using Withings.Client;
using Withings.Sandbox.DataCalls;
using Withings.Sandbox.DemoData;
using Withings.Sandbox.Wire;

namespace Withings.Sandbox.Heart;

/// <summary><c>{base}/wbsapi/v2/heart</c>: list (ECG recordings with blood pressure) and get (the signal), scope user.metrics.</summary>
internal static class HeartEndpoints
{
    public const int PageSize = 100;

    private static readonly IReadOnlyDictionary<string, string?> Actions = WithingsServices.Heart.ScopesOf("list", "get");

    public static RouteGroupBuilder MapHeartEndpoints(this RouteGroupBuilder wbsapi)
    {
        wbsapi.MapMethods(WithingsServices.Heart.Path, SandboxRoutes.GetAndPost, HandleAsync).WithName("SandboxHeart");
        return wbsapi;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, DataCallGate gate, SandboxDataSource data)
    {
        var (call, rejection) = await gate.OpenAsync(http, Actions);
        if (call is null)
        {
            return rejection!;
        }
        var ecgs = await data.EcgsAsync(call.User, http.RequestAborted);
        if (call.Action == "get")
        {
            var text = call.Request.Get("signalid");
            var ecg = long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var signalId)
                ? ecgs.FirstOrDefault(e => e.SignalId == signalId)
                : null;
            if (ecg is null)
            {
                return WithingsReply.InvalidParams($"invalid signalid: \"{text}\" is not one of this user's ECG recordings");
            }
            return WithingsReply.Ok(new
            {
                signal = HeartGenerator.Signal(ecg.SignalId, ecg.HeartRate),
                sampling_frequency = HeartGenerator.SamplingFrequency,
                wearposition = 1,
            });
        }

        if (!DataParameters.TryUnix(call.Request, "startdate", out var start, out var error) ||
            !DataParameters.TryUnix(call.Request, "enddate", out var end, out error) ||
            !DataParameters.TryInt(call.Request, "offset", out var offset, out error))
        {
            return error!;
        }
        var selected = ecgs.Where(e => (start is null || e.Timestamp >= start) && (end is null || e.Timestamp <= end)).ToList();
        var (page, more, next) = DataParameters.Page(selected, offset, PageSize);
        return WithingsReply.Ok(new { series = page.Select(e => e.ToJson(call.User.Id)).ToArray(), more, offset = next });
    }
}
