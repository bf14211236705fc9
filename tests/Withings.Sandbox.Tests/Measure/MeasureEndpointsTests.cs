using System.Text.Json;
using Withings.Sandbox.Data;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Measure;

public sealed class MeasureEndpointsTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly SandboxClient client = fixture.Factory.CreateSandboxClient();

    private long Now => fixture.Factory.Time.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public async Task DemoUserHasAYearOfMeasuresPagedWithIntegerMore()
    {
        var (access, _) = await client.LinkAsync();

        var first = (await client.PostAsync("/wbsapi/measure", access, ("action", "getmeas"))).Body();
        var next = (await client.PostAsync("/wbsapi/measure", access, ("action", "getmeas"), ("offset", first.GetProperty("offset").ToString()))).Body();

        Assert.Equal(200, first.GetProperty("measuregrps").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, first.GetProperty("more").ValueKind);
        Assert.Equal(1, first.GetProperty("more").GetInt32());
        Assert.Equal(200, first.GetProperty("offset").GetInt32());
        var newestOfNext = next.GetProperty("measuregrps")[0].GetProperty("date").GetInt64();
        var oldestOfFirst = first.GetProperty("measuregrps")[199].GetProperty("date").GetInt64();
        Assert.True(newestOfNext <= oldestOfFirst);
    }

    [Fact]
    public async Task MeastypesKeepsOnlyThoseTypesWithRealisticUnits()
    {
        var (access, _) = await client.LinkAsync();

        var groups = (await client.PostAsync("/wbsapi/measure", access, ("action", "getmeas"), ("meastypes", "1,9,10"),
            ("startdate", $"{Now - 30 * 86400}"), ("enddate", $"{Now}"))).Body().GetProperty("measuregrps");

        var measures = groups.EnumerateArray().SelectMany(g => g.GetProperty("measures").EnumerateArray()).ToList();
        Assert.Contains(measures, m => m.GetProperty("type").GetInt32() == 1);
        Assert.Contains(measures, m => m.GetProperty("type").GetInt32() == 10);
        Assert.All(measures, m => Assert.Contains(m.GetProperty("type").GetInt32(), new[] { 1, 9, 10 }));
        var weight = measures.First(m => m.GetProperty("type").GetInt32() == 1);
        var kilograms = weight.GetProperty("value").GetInt64() * Math.Pow(10, weight.GetProperty("unit").GetInt32());
        Assert.InRange(kilograms, 60, 85);
        Assert.All(groups.EnumerateArray(), g => Assert.InRange(g.GetProperty("date").GetInt64(), Now - 30 * 86400, Now));
    }

    [Fact]
    public async Task LastupdateReturnsOnlyGroupsModifiedSince()
    {
        var (access, _) = await client.LinkAsync();
        var since = Now - 3 * 86400;

        var groups = (await client.PostAsync("/wbsapi/measure", access, ("action", "getmeas"), ("lastupdate", $"{since}"))).Body().GetProperty("measuregrps");

        Assert.NotEqual(0, groups.GetArrayLength());
        Assert.All(groups.EnumerateArray(), g => Assert.True(g.GetProperty("modified").GetInt64() >= since));
    }

    [Fact]
    public async Task ObjectivesCategoryIsEmpty()
    {
        var (access, _) = await client.LinkAsync();

        var body = (await client.PostAsync("/wbsapi/measure", access, ("action", "getmeas"), ("category", "2"))).Body();

        Assert.Equal(0, body.GetProperty("measuregrps").GetArrayLength());
        Assert.Equal(0, body.GetProperty("more").GetInt32());
    }

    [Fact]
    public async Task UserWithoutDevicesGetsSuccessWithNoData()
    {
        var (access, _) = await client.LinkAsync(SimulatedUsers.NoDataUserId);

        var measures = await client.PostAsync("/wbsapi/measure", access, ("action", "getmeas"));
        var activity = await client.PostAsync("/wbsapi/v2/measure", access, ("action", "getactivity"), ("startdateymd", "2026-01-01"), ("enddateymd", "2026-03-10"));
        var intraday = await client.PostAsync("/wbsapi/v2/measure", access, ("action", "getintradayactivity"));
        var devices = await client.PostAsync("/wbsapi/v2/user", access, ("action", "getdevice"));

        Assert.Equal(0, measures.Status());
        Assert.Equal(0, measures.Body().GetProperty("measuregrps").GetArrayLength());
        Assert.Equal(0, activity.Body().GetProperty("activities").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, intraday.Body().GetProperty("series").ValueKind);
        Assert.Equal(0, devices.Body().GetProperty("devices").GetArrayLength());
    }

    [Fact]
    public async Task ActivityCoversTheYearWithBooleanMore()
    {
        var (access, _) = await client.LinkAsync();

        var body = (await client.PostAsync("/wbsapi/v2/measure", access, ("action", "getactivity"), ("startdateymd", "2025-03-10"), ("enddateymd", "2026-03-10"))).Body();
        var rest = (await client.PostAsync("/wbsapi/v2/measure", access, ("action", "getactivity"), ("startdateymd", "2025-03-10"), ("enddateymd", "2026-03-10"), ("offset", "200"))).Body();

        Assert.True(body.GetProperty("more").GetBoolean());
        Assert.Equal(366, body.GetProperty("activities").GetArrayLength() + rest.GetProperty("activities").GetArrayLength());
        Assert.False(rest.GetProperty("more").GetBoolean());
        Assert.Equal("2025-03-10", body.GetProperty("activities")[0].GetProperty("date").GetString());
    }

    [Fact]
    public async Task DataFieldsLimitTheActivityMetrics()
    {
        var (access, _) = await client.LinkAsync();

        var day = (await client.PostAsync("/wbsapi/v2/measure", access, ("action", "getactivity"), ("startdateymd", "2026-03-01"), ("enddateymd", "2026-03-01"),
            ("data_fields", "steps,calories"))).Body().GetProperty("activities")[0];

        Assert.True(day.TryGetProperty("steps", out _));
        Assert.False(day.TryGetProperty("hr_average", out _));
        Assert.False(day.TryGetProperty("distance", out _));
    }

    [Fact]
    public async Task IntradayOverADayReturnsOnlyTheFirst24HoursKeyedByEpoch()
    {
        var (access, _) = await client.LinkAsync();
        var start = Now - 3 * 86400;

        var series = (await client.PostAsync("/wbsapi/v2/measure", access, ("action", "getintradayactivity"), ("startdate", $"{start}"), ("enddate", $"{Now}"))).Body().GetProperty("series");

        var keys = series.EnumerateObject().Select(p => long.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(144, keys.Count);
        Assert.All(keys, k => Assert.InRange(k, start, start + 86400));
        Assert.Equal(93, series.EnumerateObject().First().Value.GetProperty("model_id").GetInt32());
    }

    [Fact]
    public async Task WorkoutsHaveIntegerModelAndNullForMissingData()
    {
        var (access, _) = await client.LinkAsync();

        var series = (await client.PostAsync("/wbsapi/v2/measure", access, ("action", "getworkouts"), ("startdateymd", "2026-02-01"), ("enddateymd", "2026-03-10"))).Body().GetProperty("series");

        Assert.NotEqual(0, series.GetArrayLength());
        Assert.Equal(JsonValueKind.Number, series[0].GetProperty("model").ValueKind);
        Assert.Equal(JsonValueKind.Null, series[0].GetProperty("data").GetProperty("algo_pause_duration").ValueKind);
    }
}
