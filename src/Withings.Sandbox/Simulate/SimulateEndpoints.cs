namespace Withings.Sandbox.Simulate;

/// <summary>
/// <c>POST {base}/simulate/users/{userid}/…</c>: the sample-data guide's user-side actions over HTTP
/// (weight?kg=, tracker-day, night, workout?category=&amp;minutes=, blood-pressure?systolic=&amp;diastolic=&amp;pulse=).
/// </summary>
internal static class SimulateEndpoints
{
    public static RouteGroupBuilder MapSimulateEndpoints(this RouteGroupBuilder root)
    {
        var user = root.MapGroup("/simulate/users/{userId:int}").DisableAntiforgery();
        user.MapPost("/weight", (int userId, decimal? kg, SandboxUserActions actions, CancellationToken ct) =>
            Reply(actions.AddManualWeightAsync(userId, kg ?? 72.4m, ct)));
        user.MapPost("/tracker-day", (int userId, SandboxUserActions actions, CancellationToken ct) =>
            Reply(actions.WearTrackerForADayAsync(userId, ct)));
        user.MapPost("/night", (int userId, SandboxUserActions actions, CancellationToken ct) =>
            Reply(actions.SleepANightAsync(userId, ct)));
        user.MapPost("/workout", (int userId, int? category, int? minutes, SandboxUserActions actions, CancellationToken ct) =>
            Reply(actions.AddWorkoutAsync(userId, category ?? 1, minutes ?? 45, ct)));
        user.MapPost("/blood-pressure", (int userId, int? systolic, int? diastolic, int? pulse, SandboxUserActions actions, CancellationToken ct) =>
            Reply(actions.TakeBloodPressureAsync(userId, systolic ?? 121, diastolic ?? 79, pulse ?? 66, ct)));
        return root;
    }

    private static async Task<IResult> Reply(Task<SimulatedAction> action)
    {
        var result = await action;
        return result.Done
            ? TypedResults.Ok(new { done = true, message = result.Message })
            : TypedResults.BadRequest(new { done = false, message = result.Message });
    }
}
