using System.Diagnostics;

namespace Withings.Portal.Tests.Playground;

/// <summary>A sandbox that never answers (fault injection): the callback page says so within the timeout, and the code exchange is not retried.</summary>
public sealed class UnreachableApiTests : IAsyncLifetime
{
    private readonly PlaygroundPortal portal = new(fakeClock: false);

    public ValueTask InitializeAsync()
    {
        portal.Settings["Withings:Timeout"] = "00:00:10";
        portal.Settings["Withings:RetryDelay"] = "00:00:05";
        portal.Settings["Withings:AttemptTimeout"] = "00:00:01";
        portal.Settings["Withings:DataReadRetries"] = "2";
        portal.Settings["Sandbox:Fault"] = "timeout";
        portal.Start();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task SilentApiGivesAClearMessageWithinOneAttemptAndTheTokenCallIsNotRetried()
    {
        var (callback, _, _) = await portal.ConsentAsync();
        using var browser = portal.Browser();
        var watch = Stopwatch.StartNew();

        var page = await browser.GetStringAsync(callback, TestContext.Current.CancellationToken);

        watch.Stop();
        Assert.Contains("within the timeout", page);
        Assert.Contains("href=\"/troubleshoot/network-error", page);
        // One attempt of 1 s: a retried exchange would take 7 s or more (two attempts and a 5 s delay) and burn the code.
        // The margin above 1 s is for a loaded machine, not for a retry.
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(6));
    }

    public async ValueTask DisposeAsync()
    {
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
