using Withings.Client;
using Withings.Sandbox.DataCalls;
using Withings.Sandbox.DemoData;
using Withings.Sandbox.Wire;

namespace Withings.Sandbox.User;

/// <summary>
/// <c>{base}/wbsapi/v2/user</c>: getdevice and getgoals. Decision: any valid token may call them (Withings ties
/// user.info to get/link/unlink, which are contract-only and not simulated).
/// </summary>
internal static class UserEndpoints
{
    private static readonly IReadOnlyDictionary<string, string?> Actions = WithingsServices.User.ScopesOf("getdevice", "getgoals");

    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder wbsapi)
    {
        wbsapi.MapMethods(WithingsServices.User.Path, SandboxRoutes.GetAndPost, HandleAsync).WithName("SandboxUser");
        return wbsapi;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, DataCallGate gate, SandboxDataSource data)
    {
        var (call, rejection) = await gate.OpenAsync(http, Actions);
        if (call is null)
        {
            return rejection!;
        }
        var user = call.User;
        if (call.Action == "getgoals")
        {
            // With no goals the API sends an empty list, not an object (captured: <c>tests/Withings.Sandbox.Tests/Fixtures/aiowithings__no_goals.json</c>).
            return user.HasSeededData
                ? WithingsReply.Ok(new { goals = new { steps = 10000, sleep = 28800, weight = new { value = 72000, unit = -3 } } })
                : WithingsReply.Ok(new { goals = Array.Empty<object>() });
        }

        var calendar = data.Calendar(user);
        var devices = await data.DevicesAsync(user, http.RequestAborted);
        return WithingsReply.Ok(new
        {
            devices = devices.Select(d => new
            {
                type = d.Type,
                battery = d.Battery,
                model = d.Model,
                model_id = d.ModelId,
                timezone = user.Timezone,
                first_session_date = user.HasSeededData ? calendar.At(calendar.FirstDay, TimeSpan.FromHours(9)) : (long?)null,
                last_session_date = calendar.NowUnix - 3600,
                deviceid = d.IdFor(user.Id),
                hash_deviceid = d.IdFor(user.Id),
            }).ToArray(),
        });
    }
}
