using System.Text.Json;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Sleep;

public sealed class SleepEndpointsTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly SandboxClient client = fixture.Factory.CreateSandboxClient();

    private long Now => fixture.Factory.Time.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public async Task LastNightIsAnArrayOfSegmentsWithPerMinuteSamples()
    {
        var (access, _) = await client.LinkAsync();

        var body = (await client.PostAsync("/wbsapi/v2/sleep", access, ("action", "get"), ("startdate", $"{Now - 86400}"), ("enddate", $"{Now}"), ("data_fields", "hr,rr"))).Body();

        Assert.Equal(32, body.GetProperty("model").GetInt32());
        var segments = body.GetProperty("series");
        Assert.Equal(JsonValueKind.Array, segments.ValueKind);
        Assert.Contains(segments.EnumerateArray(), s => s.GetProperty("state").GetInt32() == 2);
        var first = segments[0];
        var minutes = (first.GetProperty("enddate").GetInt64() - first.GetProperty("startdate").GetInt64()) / 60;
        Assert.Equal(minutes, first.GetProperty("hr").EnumerateObject().Count());
        Assert.Equal("Aura Sensor V2", first.GetProperty("model").GetString());
    }

    [Fact]
    public async Task SummaryWithoutDataFieldsHasTheDefaultSubset()
    {
        var (access, _) = await client.LinkAsync();

        var night = (await client.PostAsync("/wbsapi/v2/sleep", access, ("action", "getsummary"), ("startdateymd", "2026-03-09"), ("enddateymd", "2026-03-10"))).Body().GetProperty("series")[0];
        var data = night.GetProperty("data");

        Assert.True(data.TryGetProperty("total_sleep_time", out var total));
        Assert.False(data.TryGetProperty("sleep_score", out _));
        Assert.Equal(data.GetProperty("lightsleepduration").GetInt32() + data.GetProperty("deepsleepduration").GetInt32() + data.GetProperty("remsleepduration").GetInt32(), total.GetInt32());
    }

    [Fact]
    public async Task AYearOfSummariesComesInPagesOf300()
    {
        var (access, _) = await client.LinkAsync();

        var body = (await client.PostAsync("/wbsapi/v2/sleep", access, ("action", "getsummary"), ("startdateymd", "2025-03-10"), ("enddateymd", "2026-03-10"))).Body();

        Assert.Equal(300, body.GetProperty("series").GetArrayLength());
        Assert.True(body.GetProperty("more").GetBoolean());
        Assert.Equal(300, body.GetProperty("offset").GetInt32());
    }

    [Fact]
    public async Task SameDayGivesTheSameDataOnEveryCall()
    {
        var (access, _) = await client.LinkAsync();
        async Task<string> Night() => (await client.PostAsync("/wbsapi/v2/sleep", access, ("action", "getsummary"), ("startdateymd", "2026-02-14"), ("enddateymd", "2026-02-14"))).GetRawText();

        Assert.Equal(await Night(), await Night());
    }
}
