using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Heart;

public sealed class HeartEndpointsTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly SandboxClient client = fixture.Factory.CreateSandboxClient();

    [Fact]
    public async Task EcgListedByListIsReturnedByGetAt500Hz()
    {
        var (access, _) = await client.LinkAsync();
        var recording = (await client.PostAsync("/wbsapi/v2/heart", access, ("action", "list"))).Body().GetProperty("series")[0];
        var signalId = recording.GetProperty("ecg").GetProperty("signalid").GetInt64();

        var signal = (await client.PostAsync("/wbsapi/v2/heart", access, ("action", "get"), ("signalid", $"{signalId}"))).Body();

        Assert.Equal(44, recording.GetProperty("model").GetInt32());
        Assert.True(recording.GetProperty("bloodpressure").GetProperty("systole").GetInt32() > recording.GetProperty("bloodpressure").GetProperty("diastole").GetInt32());
        Assert.Equal(500, signal.GetProperty("sampling_frequency").GetInt32());
        Assert.Equal(10000, signal.GetProperty("signal").GetArrayLength());
    }

    [Fact]
    public async Task UnknownSignalIsInvalidParams()
    {
        var (access, _) = await client.LinkAsync();

        var answer = await client.PostAsync("/wbsapi/v2/heart", access, ("action", "get"), ("signalid", "12"));

        Assert.Equal(503, answer.Status());
        Assert.Contains("signalid", answer.Error());
    }
}
