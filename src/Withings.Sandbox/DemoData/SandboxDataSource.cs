using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Withings.Sandbox.Data;

namespace Withings.Sandbox.DemoData;

/// <summary>
/// A user's data as the data services see it: the seeded data (for users that have it) generated for "now", plus what
/// the user added through the simulated actions (stored in the database).
/// </summary>
internal sealed class SandboxDataSource(IDbContextFactory<SandboxDbContext> factory, TimeProvider time)
{
    public const long UserRecordIdBase = 6_000_000_000L;

    public DemoCalendar Calendar(SandboxUser user) => DemoCalendar.For(user.Timezone, time.GetUtcNow());

    public async Task<List<DemoMeasureGroup>> MeasureGroupsAsync(SandboxUser user, CancellationToken ct)
    {
        var calendar = Calendar(user);
        var groups = user.HasSeededData ? MeasureGenerator.Seeded(user.Id, calendar).ToList() : [];
        foreach (var record in await RecordsAsync(user.Id, ct))
        {
            var payload = JsonDocument.Parse(record.Payload).RootElement;
            var id = UserRecordIdBase + record.Id;
            if (record.Kind == UserRecordKind.ManualWeight)
            {
                // Entered in Health Mate: attrib 2 (manual), no device.
                groups.Add(MeasureGenerator.Weight(id, record.StartDate, payload.GetProperty("kg").GetDouble(), new Random((int)record.Id), null, attrib: 2));
            }
            else if (record.Kind == UserRecordKind.BloodPressure)
            {
                groups.Add(MeasureGenerator.BloodPressure(id, record.StartDate, payload.GetProperty("systolic").GetInt32(),
                    payload.GetProperty("diastolic").GetInt32(), payload.GetProperty("pulse").GetInt32()));
            }
        }
        return [.. groups.Where(g => g.Date <= calendar.NowUnix).OrderBy(g => g.Date)];
    }

    public async Task<List<DemoEcg>> EcgsAsync(SandboxUser user, CancellationToken ct)
    {
        var calendar = Calendar(user);
        var groups = await MeasureGroupsAsync(user, ct);
        var seeded = HeartGenerator.FromMeasures(groups.Where(g => g.GroupId < UserRecordIdBase), calendar);
        var added = groups.Where(g => g.GroupId >= UserRecordIdBase && g.Device == DemoDevice.BloodPressureMonitor).Select(HeartGenerator.ToEcg);
        return [.. seeded.Concat(added).OrderByDescending(e => e.Timestamp)];
    }

    public async Task<List<DemoActivityDay>> ActivityDaysAsync(SandboxUser user, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var calendar = Calendar(user);
        var days = new SortedDictionary<DateOnly, DemoActivityDay>();
        if (user.HasSeededData)
        {
            foreach (var day in calendar.Days(from, to))
            {
                days[day] = ActivityGenerator.Day(calendar, day, DemoCalendar.Random(user.Id, day, 5));
            }
        }
        foreach (var day in await TrackerDaysAsync(user.Id, ct))
        {
            if ((from is null || day >= from) && (to is null || day <= to) && day <= calendar.Today)
            {
                days[day] = ActivityGenerator.Day(calendar, day, DemoCalendar.Random(user.Id, day, 6));
            }
        }
        return [.. days.Values];
    }

    /// <summary>Local days on which the watch was worn: every day of the history for seeded users, plus simulated days.</summary>
    public async Task<Func<DateOnly, bool>> WornOnAsync(SandboxUser user, CancellationToken ct)
    {
        var calendar = Calendar(user);
        var simulated = (await TrackerDaysAsync(user.Id, ct)).ToHashSet();
        return day => (user.HasSeededData && day >= calendar.FirstDay && day <= calendar.Today) || simulated.Contains(day);
    }

    public async Task<List<DemoWorkout>> WorkoutsAsync(SandboxUser user, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var calendar = Calendar(user);
        var workouts = user.HasSeededData ? ActivityGenerator.SeededWorkouts(user.Id, calendar, from, to).ToList() : [];
        foreach (var record in (await RecordsAsync(user.Id, ct)).Where(r => r.Kind == UserRecordKind.Workout))
        {
            var payload = JsonDocument.Parse(record.Payload).RootElement;
            var day = calendar.DayOf(record.StartDate);
            if ((from is null || day >= from) && (to is null || day <= to))
            {
                workouts.Add(ActivityGenerator.Workout(UserRecordIdBase + record.Id, payload.GetProperty("category").GetInt32(), record.StartDate,
                    payload.GetProperty("minutes").GetInt32(), day, new Random((int)record.Id), attrib: 7));
            }
        }
        return [.. workouts.Where(w => w.End <= calendar.NowUnix).OrderBy(w => w.Start)];
    }

    public async Task<List<DemoNight>> NightsAsync(SandboxUser user, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var calendar = Calendar(user);
        var nights = user.HasSeededData ? SleepGenerator.Seeded(user.Id, calendar, from, to).ToList() : [];
        foreach (var record in (await RecordsAsync(user.Id, ct)).Where(r => r.Kind == UserRecordKind.Night))
        {
            var day = DateOnly.ParseExact(JsonDocument.Parse(record.Payload).RootElement.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if ((from is null || day >= from) && (to is null || day <= to))
            {
                nights.RemoveAll(n => n.Date == day);
                nights.Add(SleepGenerator.Night(calendar, day, SleepGenerator.SimulatedNightSeed, UserRecordIdBase + record.Id));
            }
        }
        return [.. nights.Where(n => n.End <= calendar.NowUnix).OrderBy(n => n.Start)];
    }

    /// <summary>The devices that produced the user's data: all four for seeded users, else those implied by simulated actions.</summary>
    public async Task<List<DemoDevice>> DevicesAsync(SandboxUser user, CancellationToken ct)
    {
        if (user.HasSeededData)
        {
            return [.. DemoDevice.All];
        }
        var kinds = (await RecordsAsync(user.Id, ct)).Select(r => r.Kind).ToHashSet();
        var devices = new List<DemoDevice>();
        if (kinds.Contains(UserRecordKind.BloodPressure))
        {
            devices.Add(DemoDevice.BloodPressureMonitor);
        }
        if (kinds.Contains(UserRecordKind.TrackerDay) || kinds.Contains(UserRecordKind.Workout))
        {
            devices.Add(DemoDevice.Watch);
        }
        if (kinds.Contains(UserRecordKind.Night))
        {
            devices.Add(DemoDevice.SleepAnalyzer);
        }
        return devices;
    }

    private async Task<IEnumerable<DateOnly>> TrackerDaysAsync(int userId, CancellationToken ct) =>
        (await RecordsAsync(userId, ct)).Where(r => r.Kind == UserRecordKind.TrackerDay)
            .Select(r => DateOnly.ParseExact(JsonDocument.Parse(r.Payload).RootElement.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    private async Task<List<SandboxUserRecord>> RecordsAsync(int userId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.UserRecords.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.Id).ToListAsync(ct);
    }
}
