using Withings.Client;

namespace Withings.Sandbox.DemoData;

/// <summary>One measure group as <c>measure getmeas</c> returns it.</summary>
internal sealed record DemoMeasureGroup(long GroupId, int Attrib, long Date, long Modified, DemoDevice? Device, IReadOnlyList<(int Type, long Value, int Unit)> Measures)
{
    public object ToJson(int userId) => new
    {
        grpid = GroupId,
        attrib = Attrib,
        date = Date,
        created = Modified,
        modified = Modified,
        category = 1,
        deviceid = Device?.IdFor(userId),
        hash_deviceid = Device?.IdFor(userId),
        measures = Measures.Select(m => Device is null
            // Entered in the app: the captured Health Mate entries carry these extra fields
            // (tests/Withings.Sandbox.Tests/Fixtures/aiowithings__measurement_list.json).
            ? (object)new { value = m.Value, type = m.Type, unit = m.Unit, algo = 0, fm = 128, apppfmid = 7, appliver = 5050021 }
            : new { value = m.Value, type = m.Type, unit = m.Unit, algo = 3, fm = 3 }).ToArray(),
        // Real captures spell it "modelid" here (the OpenAPI's "model_id" is not what the API sends).
        modelid = Device?.ModelId,
        model = Device?.Model,
        comment = (string?)null,
    };
}

/// <summary>Weight and body composition each morning, blood pressure some evenings, temperature and SpO2 from the watch.</summary>
internal static class MeasureGenerator
{
    public static IEnumerable<DemoMeasureGroup> Seeded(int userId, DemoCalendar calendar)
    {
        var first = calendar.FirstDay;
        // Height, entered by hand in the app when the account was created (attrib 2, as in the real captures).
        var created = calendar.At(first, TimeSpan.FromHours(9));
        yield return new DemoMeasureGroup(GroupId(first, 0), 2, created, created, null, [(MeasureTypes.Height, 178, -2)]);

        foreach (var day in calendar.Days())
        {
            var random = DemoCalendar.Random(userId, day, 1);
            var age = calendar.Today.DayNumber - day.DayNumber;
            if (random.NextDouble() < 0.8)
            {
                var at = calendar.At(day, TimeSpan.FromMinutes(7 * 60 + random.Next(0, 45)));
                yield return Weight(GroupId(day, 1), at, 74.2 - age * 0.005 + random.NextDouble() * 0.8 - 0.4, random, DemoDevice.Scale, attrib: 0);
            }
            if (random.NextDouble() < 0.35)
            {
                var at = calendar.At(day, TimeSpan.FromMinutes(20 * 60 + random.Next(0, 50)));
                yield return BloodPressure(GroupId(day, 2), at, 116 + random.Next(-8, 10), 75 + random.Next(-6, 7), 64 + random.Next(-6, 8));
            }
            if (random.NextDouble() < 0.5)
            {
                var at = calendar.At(day, TimeSpan.FromMinutes(13 * 60 + random.Next(0, 90)));
                yield return new DemoMeasureGroup(GroupId(day, 3), 0, at, at + 60, DemoDevice.Watch,
                    [(MeasureTypes.BodyTemperature, 3650 + random.Next(-15, 25), -2), (MeasureTypes.SpO2, 96 + random.Next(0, 4), 0)]);
            }
        }
    }

    public static DemoMeasureGroup Weight(long groupId, long at, double kilograms, Random random, DemoDevice? device, int attrib)
    {
        var grams = (long)Math.Round(kilograms * 1000);
        if (device is null)
        {
            return new DemoMeasureGroup(groupId, attrib, at, at, null, [(MeasureTypes.Weight, grams, -3)]);
        }
        var fatRatio = 0.205 + random.NextDouble() * 0.01;
        var fatMass = (long)Math.Round(grams * fatRatio);
        var fatFree = grams - fatMass;
        return new DemoMeasureGroup(groupId, attrib, at, at + 35, device,
        [
            (MeasureTypes.Weight, grams, -3),
            (MeasureTypes.FatFreeMass, fatFree, -3),
            (MeasureTypes.FatRatio, (long)Math.Round(fatRatio * 100_000), -3),
            (MeasureTypes.FatMass, fatMass, -3),
            (MeasureTypes.MuscleMass, (long)Math.Round(fatFree * 0.94 / 10), -2),
            (MeasureTypes.Hydration, (long)Math.Round(grams * 0.55 / 10), -2),
            (MeasureTypes.BoneMass, (long)Math.Round(fatFree * 0.052 / 10), -2),
            (MeasureTypes.HeartPulse, 60 + random.Next(0, 12), 0),
            (MeasureTypes.PulseWaveVelocity, 7000 + random.Next(0, 600), -3),
        ]);
    }

    public static DemoMeasureGroup BloodPressure(long groupId, long at, int systolic, int diastolic, int pulse) =>
        new(groupId, 0, at, at + 40, DemoDevice.BloodPressureMonitor,
            [(MeasureTypes.DiastolicBloodPressure, diastolic, 0), (MeasureTypes.SystolicBloodPressure, systolic, 0), (MeasureTypes.HeartPulse, pulse, 0)]);

    public static long GroupId(DateOnly day, int kind) => 4_800_000_000L + day.DayNumber * 16L + kind;
}
