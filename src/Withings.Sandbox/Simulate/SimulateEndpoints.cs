using System.Globalization;
using Withings.Sandbox.Data;

namespace Withings.Sandbox.Simulate;

/// <summary>
/// <c>POST {base}/simulate/users/{userid}/…</c>: the sample-data guide's user-side actions over HTTP
/// (weight?kg=, tracker-day, night, workout?category=&amp;minutes=, blood-pressure?systolic=&amp;diastolic=&amp;pulse=).
/// Every answer is <c>{"done": …, "message": …}</c>, also for a user id or a value that is not a number: those are read
/// here rather than bound by the framework, whose bare 400 (or unmatched route) said nothing and, inside the portal,
/// became its HTML pages.
/// </summary>
internal static class SimulateEndpoints
{
    public static readonly string[] Actions = ["weight", "tracker-day", "night", "workout", "blood-pressure"];

    /// <param name="configure">Conventions for every simulate address, e.g. the host's rate limit (they are open to anyone).</param>
    public static RouteGroupBuilder MapSimulateEndpoints(this RouteGroupBuilder root, Action<IEndpointConventionBuilder>? configure = null)
    {
        var user = root.MapGroup("/simulate/users/{userId}").DisableAntiforgery();
        configure?.Invoke(user);
        user.MapPost("/weight", (HttpContext http, SandboxUserActions actions) =>
        {
            var read = new SimulateArguments(http);
            var (userId, kg) = (read.UserId(), read.Number("kg", 72.4m));
            return read.ReplyAsync(() => actions.AddManualWeightAsync(userId, kg, http.RequestAborted));
        });
        user.MapPost("/tracker-day", (HttpContext http, SandboxUserActions actions) =>
        {
            var read = new SimulateArguments(http);
            var userId = read.UserId();
            return read.ReplyAsync(() => actions.WearTrackerForADayAsync(userId, http.RequestAborted));
        });
        user.MapPost("/night", (HttpContext http, SandboxUserActions actions) =>
        {
            var read = new SimulateArguments(http);
            var userId = read.UserId();
            return read.ReplyAsync(() => actions.SleepANightAsync(userId, http.RequestAborted));
        });
        user.MapPost("/workout", (HttpContext http, SandboxUserActions actions) =>
        {
            var read = new SimulateArguments(http);
            var (userId, category, minutes) = (read.UserId(), read.WholeNumber("category", 1), read.WholeNumber("minutes", 45));
            return read.ReplyAsync(() => actions.AddWorkoutAsync(userId, category, minutes, http.RequestAborted));
        });
        user.MapPost("/blood-pressure", (HttpContext http, SandboxUserActions actions) =>
        {
            var read = new SimulateArguments(http);
            var (userId, systolic, diastolic, pulse) =
                (read.UserId(), read.WholeNumber("systolic", 121), read.WholeNumber("diastolic", 79), read.WholeNumber("pulse", 66));
            return read.ReplyAsync(() => actions.TakeBloodPressureAsync(userId, systolic, diastolic, pulse, http.RequestAborted));
        });
        // Another method on an action, or an action that does not exist. Order 1: the actions above come first.
        user.Map("/{action}", (HttpContext http, string action) => Actions.Contains(action, StringComparer.Ordinal)
                ? Refused(StatusCodes.Status405MethodNotAllowed, $"A simulated action is a POST: POST {http.Request.PathBase}{http.Request.Path}.", allow: "POST")
                : Refused(StatusCodes.Status404NotFound, $"There is no simulated action \"{action}\": POST one of {string.Join(", ", Actions)}."))
            .WithOrder(1);
        return root;
    }

    public static IResult Refused(int status, string message, string? allow = null) =>
        new SimulateRefusal(status, message, allow);

    /// <summary><c>{"done": false, "message": …}</c> with a status (and the Allow header of a 405).</summary>
    private sealed class SimulateRefusal(int status, string message, string? allow) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (allow is not null)
            {
                httpContext.Response.Headers.Allow = allow;
            }
            return Results.Json(new { done = false, message }, statusCode: status).ExecuteAsync(httpContext);
        }
    }

    /// <summary>The user id from the address and the action's numbers from the query string, each with what is wrong with it.</summary>
    private sealed class SimulateArguments(HttpContext http)
    {
        private readonly List<string> problems = [];

        public int UserId()
        {
            var text = http.GetRouteValue("userId") as string;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return id;
            }
            problems.Add($"The user id in the address must be a whole number, such as {SimulatedUsers.DemoUserId}.");
            return 0;
        }

        public decimal Number(string name, decimal absent) =>
            Read(name, absent, "a number, such as 72.4", text => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null);

        public int WholeNumber(string name, int absent) =>
            Read(name, absent, "a whole number", text => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null);

        public async Task<IResult> ReplyAsync(Func<Task<SimulatedAction>> act)
        {
            if (problems.Count > 0)
            {
                return Refused(StatusCodes.Status400BadRequest, string.Join(" ", problems));
            }
            var result = await act();
            return result.Done
                ? TypedResults.Ok(new { done = true, message = result.Message })
                : Refused(StatusCodes.Status400BadRequest, result.Message);
        }

        private T Read<T>(string name, T absent, string expected, Func<string, T?> parse) where T : struct
        {
            var values = http.Request.Query[name];
            if (values.Count == 0)
            {
                return absent;
            }
            if (values.Count == 1 && parse(values[0]!) is { } value)
            {
                return value;
            }
            problems.Add(values.Count > 1 ? $"Give {name} once." : $"{name} must be {expected}.");
            return absent;
        }
    }
}
