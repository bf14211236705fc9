using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Troubleshooting.Reproduce;

namespace Withings.Portal.Tests.Troubleshooting.Reproduce;

/// <summary>
/// "Reproduce it" against a sandbox that fails (its fault injection, on every API call): each call ends within the
/// configured timeout with a clear problem (the page shows it as "could not run", beside its link back to the topic)
/// instead of an exception that would end the page in an error, and the portal stays healthy.
/// </summary>
public class ReproduceFaultTests
{
    [Theory]
    [InlineData("status=503", null)]
    [InlineData("malformed", null)]
    [InlineData("latency=10000", "No answer")]
    [InlineData("timeout", "No answer")]
    public async Task FailingApiEndsEachCallWithAClearProblemWithinTheTimeout(string fault, string? problem)
    {
        await using var portal = new CanaryPortal
        {
            Settings = { ["Sandbox:Fault"] = fault, ["Troubleshooting:Reproduce:TimeoutSeconds"] = "3" },
        };
        var client = portal.CreateRecordingClient();
        var watch = Stopwatch.StartNew();

        var result = await portal.Services.GetRequiredService<ReproduceRunner>()
            .RunAsync(TopicFiles.Catalog.Get("invalid-code"), "https://portal.example", TestContext.Current.CancellationToken);

        // Each of the two calls gives up after 3 s (the sandbox's own steps before them share the timeout, so a loaded
        // machine needs that much); a call waiting on the 10 s latency would take over 20 s for both.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        // A 5xx or a truncated body is shown as the exchange it was, with what differs from the expected answer.
        Assert.False(result.Failing.AsExpected);
        Assert.False(result.Corrected.AsExpected);
        if (problem is not null)
        {
            // Usually the API call is the one that times out ("No answer ..."); on a loaded machine the sandbox's consent
            // page the run loads first (no fault there) can itself exceed the 3 s, which the run reports as unreachable.
            Assert.Matches($"{problem}|could not be reached", result.Failing.Problem);
            Assert.NotNull(result.Corrected.Problem);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready", TestContext.Current.CancellationToken)).StatusCode);
    }
}
