using Withings.Client;
using Withings.Sandbox.Simulate;

namespace Withings.Portal.Playground;

/// <summary>The user-side step the sandbox can perform for a checklist item.</summary>
public enum SimulatedStep
{
    ManualWeight,
    TrackerDay,
    Workout,
    Night,
    BloodPressure,
}

/// <summary>
/// One line of the sample-data checklist: a data call, the scope it needs, what produces data for it in real life (the
/// Withings FAQ, "How to create testing data in order to have non-empty responses?",
/// https://developer.withings.com/developer-guide/faq/faq/), and the sandbox step that does the same.
/// </summary>
public sealed record SampleDataItem(string Id, string CallId, string Name, string RealLife, SimulatedStep Simulate, string SimulateLabel)
{
    public DataCall Call => DataCalls.Find(CallId);
}

public sealed record CheckResult(SampleDataItem Item, PlaygroundExchange Exchange, Reading? Reading)
{
    public bool HasData => Exchange.IsSuccess && Reading is { IsEmpty: false };
}

/// <summary>The checklist, its checks (recent windows) and its simulations.</summary>
public sealed class SampleDataGuide(WithingsClient client, SandboxUserActions? actions, PlaygroundCallLimiter limiter, TimeProvider time)
{
    /// <summary>How far back a check looks: long enough for a simulated day or night, short enough to stay one page.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>How long before now the intraday check's 24 hours end.</summary>
    public static readonly TimeSpan IntradayLookBack = TimeSpan.FromHours(12);

    public static IReadOnlyList<SampleDataItem> Items { get; } =
    [
        new("getmeas", DataCalls.GetMeas, "Measures (getmeas)",
            "A measurement: step on a Withings scale, or add a weight by hand in the Withings app (formerly Health Mate) or the Withings web dashboard.",
            SimulatedStep.ManualWeight, "Add a weight in the Withings app"),
        new("getactivity", DataCalls.GetActivity, "Activity per day (getactivity)",
            "A Withings activity tracker worn during the day, or at least the in-app step tracker of the Withings app (formerly Health Mate) on the phone.",
            SimulatedStep.TrackerDay, "Wear the tracker for a day"),
        new("getintradayactivity", DataCalls.GetIntraday, "Intraday activity (getintradayactivity)",
            "Same as getactivity: a tracker or the Withings app's in-app tracker.", SimulatedStep.TrackerDay, "Wear the tracker for a day"),
        new("getworkouts", DataCalls.GetWorkouts, "Workouts (getworkouts)",
            "A workout added by hand in the Withings app or the web dashboard (or recorded by a watch).", SimulatedStep.Workout, "Add a workout"),
        new("sleep-get", DataCalls.SleepGet, "Sleep stages (sleep get)",
            "A night with a sleep tracker (a Withings sleep analyzer) or an activity tracker worn at night.", SimulatedStep.Night, "Sleep a night"),
        new("sleep-getsummary", DataCalls.SleepSummary, "Sleep summaries (sleep getsummary)",
            "Same as sleep get: a night with a sleep tracker or an activity tracker.", SimulatedStep.Night, "Sleep a night"),
        new("getdevice", DataCalls.GetDevice, "Devices (getdevice)",
            "At least one Withings device installed on the account.", SimulatedStep.TrackerDay, "Set up a new device (a watch worn for a day)"),
        new("heart-list", DataCalls.HeartList, "Heart recordings (heart list)",
            "An ECG recording on a Withings device that has one (BPM Core, Move ECG, ScanWatch); a BPM Core recording also carries the blood pressure (the sandbox's BPM Core records both).",
            SimulatedStep.BloodPressure, "Take a BPM Core reading (ECG and blood pressure)"),
    ];

    public bool CanSimulate => actions is not null;

    /// <summary>Calls the item's service over the last <see cref="Window"/> for the linked user.</summary>
    public async Task<CheckResult?> CheckAsync(SampleDataItem item, PlaygroundLink link, string origin, string? clientAddress, CancellationToken ct)
    {
        if (!limiter.TryAcquire(clientAddress))
        {
            return null;
        }
        var now = time.GetUtcNow();
        var input = new DataCallInput
        {
            CallId = item.CallId,
            MeasureTypes = [],
            Category = null,
            StartDate = (now - (item.CallId is DataCalls.SleepGet ? TimeSpan.FromHours(24) : Window)).UtcDateTime,
            EndDate = now.UtcDateTime,
        };
        if (item.CallId is DataCalls.GetIntraday)
        {
            // Intraday samples come 24 hours at most at a time, and a tracker day is a whole past day in the user's time
            // zone, which ended 0 to 24 hours ago. The 24 hours ending 12 hours ago always hold at least half of it (the
            // last 24 hours held only minutes of it late in the user's evening).
            input.StartDate = (now - IntradayLookBack - TimeSpan.FromHours(24)).UtcDateTime;
            input.EndDate = (now - IntradayLookBack).UtcDateTime;
        }
        if (item.CallId is DataCalls.GetActivity or DataCalls.GetWorkouts or DataCalls.SleepSummary)
        {
            // The day services take days; tomorrow's date keeps today's data in the window whatever the user's time zone.
            input.EndDate = now.AddDays(1).UtcDateTime;
        }
        var exchange = await DataCalls.RunAsync(client, link.Tokens.AccessToken, input, origin, now, ct);
        return new CheckResult(item, exchange, exchange.IsSuccess ? Readings.Of(exchange.Body) : null);
    }

    /// <summary>Performs the user-side step in the sandbox for the linked user.</summary>
    public async Task<SimulatedAction> SimulateAsync(SampleDataItem item, PlaygroundLink link, string? clientAddress, CancellationToken ct)
    {
        if (actions is null)
        {
            return new SimulatedAction(false, "Simulating needs the sandbox: with the real Withings API, do the step on a real account.");
        }
        if (!limiter.TryAcquire(clientAddress))
        {
            return new SimulatedAction(false, PlaygroundCallLimiter.Refusal);
        }
        if (!int.TryParse(link.Tokens.UserId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var userId))
        {
            return new SimulatedAction(false, $"The linked user id {link.Tokens.UserId} is not a sandbox user.");
        }
        return item.Simulate switch
        {
            SimulatedStep.ManualWeight => await actions.AddManualWeightAsync(userId, 72.3m, ct),
            SimulatedStep.TrackerDay => await actions.WearTrackerForADayAsync(userId, ct),
            SimulatedStep.Workout => await actions.AddWorkoutAsync(userId, 1, 45, ct),
            SimulatedStep.Night => await actions.SleepANightAsync(userId, ct),
            _ => await actions.TakeBloodPressureAsync(userId, 121, 78, 66, ct),
        };
    }

    /// <summary>
    /// Why a check came back empty, in the order the causes are most likely. Only the causes the call can have: a window
    /// and lastupdate for the calls that take them, and a missing device for the services a device feeds (not getdevice,
    /// which is the list of devices itself).
    /// </summary>
    public static IReadOnlyList<string> LikelyReasons(SampleDataItem item, PlaygroundLink link)
    {
        var parameters = item.Call.Parameters;
        var reasons = new List<string>();
        if (item.Call.Scope is { } scope && !link.Tokens.Scopes.Contains(scope, StringComparer.Ordinal))
        {
            reasons.Add($"The token lacks {scope}, which {item.Call.Title} needs: authorize again with that scope.");
        }
        reasons.Add(parameters.HasFlag(DataCallParameters.Dates) || parameters.HasFlag(DataCallParameters.Days)
            ? $"Nothing produced data in the window checked (the last {(item.CallId is DataCalls.SleepGet or DataCalls.GetIntraday ? "24 hours" : "7 days")}): {item.RealLife}"
            : $"Nothing on the account produced any yet (this call takes no dates: it returns all there is): {item.RealLife}");
        if (parameters.HasFlag(DataCallParameters.LastUpdate))
        {
            reasons.Add("With lastupdate, only data changed after that time comes back: leave it out to see everything in the window.");
        }
        if (item.Simulate is SimulatedStep.TrackerDay or SimulatedStep.Night && item.CallId is not DataCalls.GetDevice)
        {
            reasons.Add("No device of that kind is linked to the account (check getdevice).");
        }
        return reasons;
    }
}
