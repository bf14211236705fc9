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
        // The client's handler logs each attempt it sends: one for the token call, never a retry (a code works once).
        Assert.Single(portal.Logs, line => line.Contains("ClientHandler: Sending HTTP request POST", StringComparison.Ordinal) &&
            line.Contains("/v2/oauth2", StringComparison.Ordinal));
        // It waited for its attempt's 1 s and answered within the call's configured 10 s.
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
