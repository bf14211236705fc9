using System.Text.Json;
using Withings.Sandbox.Data;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.User;

public sealed class UserEndpointsTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly SandboxClient client = fixture.Factory.CreateSandboxClient();

    [Fact]
    public async Task DemoUserHasAScaleABloodPressureMonitorAWatchAndASleepAnalyzer()
    {
        var (access, _) = await client.LinkAsync(scopes: "user.info");

        var devices = (await client.PostAsync("/wbsapi/v2/user", access, ("action", "getdevice"))).Body().GetProperty("devices");

        Assert.Equal(["Scale", "Blood Pressure Monitor", "Activity Tracker", "Sleep Monitor"], devices.EnumerateArray().Select(d => d.GetProperty("type").GetString()));
        Assert.All(devices.EnumerateArray(), d => Assert.Matches("^[0-9a-f]{40}$", d.GetProperty("hash_deviceid").GetString()));
    }

    [Fact]
    public async Task NoGoalsIsAnEmptyList()
    {
        var (demo, _) = await client.LinkAsync();
        var (none, _) = await client.LinkAsync(SimulatedUsers.NoDataUserId);

        var demoGoals = (await client.PostAsync("/wbsapi/v2/user", demo, ("action", "getgoals"))).Body().GetProperty("goals");
        var noGoals = (await client.PostAsync("/wbsapi/v2/user", none, ("action", "getgoals"))).Body().GetProperty("goals");

        Assert.Equal(10000, demoGoals.GetProperty("steps").GetInt32());
        Assert.Equal(JsonValueKind.Array, noGoals.ValueKind);
        Assert.Equal(0, noGoals.GetArrayLength());
    }
}
