using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Withings.Sandbox.Data;
using Withings.Sandbox.DemoData;

namespace Withings.Sandbox.Simulate;

/// <summary>What a simulated action did, in words for the sample-data guide.</summary>
public sealed record SimulatedAction(bool Done, string Message);

/// <summary>
/// The user-side steps of the sample-data guide (the Withings FAQ's "How to create testing data in order to have non-empty responses?", https://developer.withings.com/developer-guide/faq/faq/), done for a simulated user so the
/// next data call returns something: a manual weight in Health Mate, a day wearing the watch, a night on the sleep analyzer,
/// a workout, a blood pressure reading.
/// </summary>
public sealed class SandboxUserActions(IDbContextFactory<SandboxDbContext> factory, TimeProvider time, Notify.NotificationSender notifications)
{
    public Task<SimulatedAction> AddManualWeightAsync(int userId, decimal kilograms, CancellationToken ct = default) =>
        kilograms is < 2 or > 400
            ? Refuse("A weight must be between 2 and 400 kg.")
            : AddAsync(userId, UserRecordKind.ManualWeight, Now, Now, new { kg = kilograms },
                $"Added a manual weight of {kilograms.ToString(CultureInfo.InvariantCulture)} kg (measure getmeas, attrib 2, no device).", ct);

    public async Task<SimulatedAction> WearTrackerForADayAsync(int userId, CancellationToken ct = default)
    {
        var calendar = await CalendarAsync(userId, ct);
        if (calendar is null)
        {
            return Unknown(userId);
        }
        var day = calendar.Today.AddDays(-1);
        return await AddAsync(userId, UserRecordKind.TrackerDay, calendar.At(day, TimeSpan.Zero), calendar.At(day, TimeSpan.FromHours(24)) - 1,
            new { date = Ymd(day) }, $"Wore the watch all day on {Ymd(day)} (getactivity, getintradayactivity; a ScanWatch now appears in getdevice).", ct);
    }

    public async Task<SimulatedAction> SleepANightAsync(int userId, CancellationToken ct = default)
    {
        var calendar = await CalendarAsync(userId, ct);
        if (calendar is null)
        {
            return Unknown(userId);
        }
        // The most recent night that has ended, so the next check finds it.
        var day = calendar.Today;
        var night = SleepGenerator.Night(calendar, day, SleepGenerator.SimulatedNightSeed, 0);
        if (night.End > calendar.NowUnix)
        {
            day = day.AddDays(-1);
            night = SleepGenerator.Night(calendar, day, SleepGenerator.SimulatedNightSeed, 0);
        }
        return await AddAsync(userId, UserRecordKind.Night, night.Start, night.End, new { date = Ymd(day) },
            $"Slept the night ending on {Ymd(day)} on the sleep analyzer (v2/sleep get and getsummary).", ct);
    }

    public Task<SimulatedAction> AddWorkoutAsync(int userId, int category = 1, int minutes = 45, CancellationToken ct = default)
    {
        if (minutes is < 1 or > 600)
        {
            return Refuse("A workout lasts between 1 and 600 minutes.");
        }
        var start = Now - minutes * 60L - 300;
        return AddAsync(userId, UserRecordKind.Workout, start, start + minutes * 60L, new { category, minutes },
            $"Added a {minutes}-minute workout of category {category} (v2/measure getworkouts).", ct);
    }

    public Task<SimulatedAction> TakeBloodPressureAsync(int userId, int systolic = 121, int diastolic = 79, int pulse = 66, CancellationToken ct = default) =>
        systolic is < 50 or > 260 || diastolic is < 30 or > 180 || pulse is < 25 or > 250 || diastolic >= systolic
            ? Refuse("Blood pressure must be plausible: systolic 50–260 mmHg above diastolic 30–180 mmHg, pulse 25–250 bpm.")
            : AddAsync(userId, UserRecordKind.BloodPressure, Now, Now, new { systolic, diastolic, pulse },
                $"Took a blood pressure reading of {systolic}/{diastolic} mmHg, pulse {pulse} (getmeas types 9, 10, 11; v2/heart list).", ct);

    private long Now => time.GetUtcNow().ToUnixTimeSeconds();

    private async Task<SimulatedAction> AddAsync(int userId, UserRecordKind kind, long start, long end, object payload, string message, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Users.FindAsync([userId], ct) is null)
        {
            return Unknown(userId);
        }
        db.UserRecords.Add(new SandboxUserRecord
        {
            UserId = userId, Kind = kind, StartDate = start, EndDate = end, Payload = JsonSerializer.Serialize(payload), CreatedAt = Now,
        });
        await db.SaveChangesAsync(ct);
        notifications.Notify(userId, AppliOf(kind), start, end);
        return new SimulatedAction(true, message);
    }

    /// <summary>The notification category Withings sends for each kind of change.</summary>
    private static int AppliOf(UserRecordKind kind) => kind switch
    {
        UserRecordKind.ManualWeight => Client.NotifyAppli.Weight,
        UserRecordKind.BloodPressure => Client.NotifyAppli.BloodPressure,
        UserRecordKind.Night => Client.NotifyAppli.Sleep,
        _ => Client.NotifyAppli.Activity,
    };

    private async Task<DemoCalendar?> CalendarAsync(int userId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var user = await db.Users.FindAsync([userId], ct);
        return user is null ? null : DemoCalendar.For(user.Timezone, time.GetUtcNow());
    }

    private static string Ymd(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static SimulatedAction Unknown(int userId) => new(false, $"There is no simulated user {userId}.");

    private static Task<SimulatedAction> Refuse(string message) => Task.FromResult(new SimulatedAction(false, message));
}
