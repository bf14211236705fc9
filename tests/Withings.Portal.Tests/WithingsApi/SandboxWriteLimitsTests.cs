using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Tests.Troubleshooting;
using Withings.Portal.Troubleshooting.Reproduce;

namespace Withings.Portal.Tests.WithingsApi;

/// <summary>
/// The sandbox's simulated actions and its consent post are open to anyone and write to the shared database: inside the
/// portal each is limited per client address, except the portal's own calls to its sandbox over loopback.
/// </summary>
public sealed class SandboxWriteLimitsTests : IAsyncDisposable
{
    private readonly PortalFactory portal = new()
    {
        Settings = { ["Sandbox:SimulationsPerMinute"] = "2", ["Sandbox:ConsentsPerMinute"] = "2" },
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SimulatedActionsBeyondTheLimitAnswer429WithTheWaitInProblemJson()
    {
        using var client = portal.CreateClient();
        var answers = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        foreach (var action in new[] { "weight?kg=70", "night", "tracker-day" })
        {
            last = await client.PostAsync($"/sandbox/simulate/users/38100002/{action}", null, Cancel);
            answers.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromMinutes(1), last.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task ConsentPostsBeyondTheLimitAnswer429()
    {
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsync("/sandbox/account/oauth2_user/authorize2", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["response_type"] = "code", ["client_id"] = "withings-developer-portal", ["scope"] = "user.metrics",
                ["redirect_uri"] = "http://localhost/playground/callback", ["state"] = "s", ["decision"] = "allow",
            }), Cancel);
            answers.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task ThePortalsOwnReproduceRunsOverLoopbackAreNotLimited()
    {
        portal.Settings["Troubleshooting:Reproduce:PermitsPerMinute"] = "1000";
        portal.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        portal.StartServer();
        var runner = portal.Services.GetRequiredService<ReproduceRunner>();

        // Each run presses "Allow this app" in the sandbox at least once, from the portal's own loopback address.
        for (var run = 0; run < 3; run++)
        {
            var result = await runner.RunAsync(TopicFiles.Catalog.Get("invalid-code"), "https://portal.example", Cancel);
            Assert.True(result.Corrected.AsExpected, $"run {run}: {result.Corrected.Problem}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
