namespace Withings.Sandbox.DemoData;

/// <summary>An ECG taken with a blood pressure reading on the BPM Core.</summary>
internal sealed record DemoEcg(long SignalId, long Timestamp, int Systolic, int Diastolic, int HeartRate, int Afib)
{
    public object ToJson(int userId) => new
    {
        deviceid = DemoDevice.BloodPressureMonitor.IdFor(userId),
        model = DemoDevice.BloodPressureMonitor.ModelId,
        ecg = new { signalid = SignalId, afib = Afib },
        bloodpressure = new { diastole = Diastolic, systole = Systolic },
        heart_rate = HeartRate,
        timestamp = Timestamp,
        modified = Timestamp + 40,
    };
}

internal static class HeartGenerator
{
    /// <summary>BPM Core: 500 Hz for 20 s.</summary>
    public const int SamplingFrequency = 500;
    public const int SignalSeconds = 20;

    /// <summary>Every third blood-pressure reading also records an ECG.</summary>
    public static IEnumerable<DemoEcg> FromMeasures(IEnumerable<DemoMeasureGroup> groups, DemoCalendar calendar) =>
        groups.Where(g => g.Device == DemoDevice.BloodPressureMonitor && calendar.DayOf(g.Date).DayNumber % 3 == 0)
              .Select(ToEcg);

    public static DemoEcg ToEcg(DemoMeasureGroup group)
    {
        int Value(int type) => (int)group.Measures.First(m => m.Type == type).Value;
        return new DemoEcg(2_500_000_000L + group.GroupId % 1_000_000_000L, group.Date, Value(10), Value(9), Value(11), 0);
    }

    /// <summary>A synthetic sinus rhythm in µV (P wave, QRS complex, T wave), deterministic per signal.</summary>
    public static int[] Signal(long signalId, int heartRate)
    {
        var random = new Random(unchecked((int)signalId));
        var samples = new int[SamplingFrequency * SignalSeconds];
        var beat = 60.0 / Math.Max(40, heartRate);
        for (var i = 0; i < samples.Length; i++)
        {
            var phase = i / (double)SamplingFrequency % beat / beat;
            var value = Wave(phase, 0.18, 0.025, 120) + Wave(phase, 0.28, 0.006, -150) + Wave(phase, 0.30, 0.008, 1100) +
                        Wave(phase, 0.32, 0.006, -250) + Wave(phase, 0.55, 0.04, 300);
            samples[i] = (int)Math.Round(value + random.Next(-12, 13));
        }
        return samples;
    }

    private static double Wave(double phase, double center, double width, double amplitude) =>
        amplitude * Math.Exp(-Math.Pow(phase - center, 2) / (2 * width * width));
}
