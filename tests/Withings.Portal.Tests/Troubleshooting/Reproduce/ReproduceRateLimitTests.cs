using System.Net;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Troubleshooting.Reproduce;

public sealed class ReproduceRateLimitTests : IAsyncDisposable
{
    private readonly PortalFactory portal = new();

    [Fact]
    public async Task RunsBeyondTheLimitAreRefusedWith429()
    {
        portal.Settings["Troubleshooting:Reproduce:PermitsPerMinute"] = "1";
        var client = portal.CreateClient();
        await client.GetAsync("/troubleshoot/invalid-code/reproduce", TestContext.Current.CancellationToken);

        var second = await client.GetAsync("/troubleshoot/invalid-code/reproduce", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Fact]
    public async Task PostsThatAreNotFormsAreRefusedWithoutTakingAPermit()
    {
        portal.Settings["Troubleshooting:Reproduce:PermitsPerMinute"] = "1";
        var client = portal.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var bare = await client.PostAsync("/troubleshoot/invalid-code/reproduce", content: null, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, bare.StatusCode);
        }

        var run = await client.GetAsync("/troubleshoot/invalid-code/reproduce", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
