using System.Text.Json;
using Withings.Client;
using Withings.Portal.Playground;

namespace Withings.Portal.Tests.Playground;

public class ReadingsTests
{
    private static Measure M(int type, long value, int unit) => new(value, type, unit);

    private static MeasureGroup Group(long date, params Measure[] measures) =>
        new(1, 0, date, date, date, 1, "dev", null, measures, 13, "Body+");

    [Fact]
    public void WeightIsValueTimesTenToTheUnitInKilograms()
    {
        var reading = Readings.Of(new MeasureResponse(null, null, [Group(1_700_000_000, M(MeasureTypes.Weight, 72300, -3))]));

        Assert.Contains("Weight 72.3 kg", reading.Lines[0]);
        Assert.Equal(1, reading.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), reading.Newest);
    }

    [Fact]
    public void BloodPressureReadsAsSystolicOverDiastolic()
    {
        var reading = Readings.Of(new MeasureResponse(null, null,
            [Group(1_700_000_000, M(MeasureTypes.SystolicBloodPressure, 121, 0), M(MeasureTypes.DiastolicBloodPressure, 78, 0), M(MeasureTypes.HeartPulse, 66, 0))]));

        Assert.Contains("Blood pressure 121/78 mmHg, Heart pulse 66 bpm", reading.Lines[0]);
    }

    [Fact]
    public void SleepSummaryReadsAsHoursAndMinutesAsleep()
    {
        var data = new Dictionary<string, JsonElement> { ["total_sleep_time"] = JsonSerializer.SerializeToElement(25920) };
        var reading = Readings.Of(new SleepSummaryResponse([new SleepSummary(1, "Europe/Paris", 32, 63, null, 1_700_000_000, 1_700_030_000, "2023-11-15", null, null, data)]));

        Assert.Contains("7 h 12 min asleep", reading.Lines[0]);
    }

    [Fact]
    public void SeveralWeightsMakeAChartWithSpacedLabels()
    {
        var groups = Enumerable.Range(0, 40).Select(i => Group(1_700_000_000 + i * 86_400L, M(MeasureTypes.Weight, 72000 + i, -3))).ToList();

        var chart = Readings.Of(new MeasureResponse(null, null, groups)).Chart!;

        Assert.Equal("Weight over time", chart.Title);
        Assert.Equal(40, chart.Series[0].Values.Length);
        Assert.InRange(chart.Labels.Count(label => label.Length > 0), 8, 12);
    }

    [Fact]
    public void DevicesAreNamedByModel()
    {
        var reading = Readings.Of(new DevicesResponse([new Device("Scale", "Body+", 13, "high", "d1", null, "Europe/Paris")]));

        Assert.StartsWith("Body+ (Scale, model 13), battery high", reading.Lines[0]);
    }
}
