using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Wire;

public sealed class RateLimitTests : IDisposable
{
    private readonly SandboxFactory factory = new();

    public RateLimitTests() => factory.Settings["Sandbox:RateLimitPerMinute"] = "120";

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }

    [Fact]
    public void RealLimitIs120PerMinute() => Assert.Equal(120, new SandboxOptions().RateLimitPerMinute);

    [Fact]
    public async Task The121stRequestOfAMinuteGives601AndTheNextMinuteIsFresh()
    {
        var client = factory.CreateSandboxClient();
        var (access, _) = await client.LinkAsync();
        factory.Time.Advance(TimeSpan.FromSeconds(60 - factory.Time.GetUtcNow().Second));

        for (var i = 0; i < 120; i++)
        {
            Assert.Equal(0, (await client.PostAsync("/wbsapi/v2/user", access, ("action", "getgoals"))).Status());
        }
        var limited = await client.PostAsync("/wbsapi/v2/user", access, ("action", "getgoals"));
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var fresh = await client.PostAsync("/wbsapi/v2/user", access, ("action", "getgoals"));

        Assert.Equal(601, limited.Status());
        Assert.Equal(0, fresh.Status());
    }
}
