using System.Net;
using System.Net.Http.Json;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.WithingsApi;

/// <summary>The sandbox's app registration is open to anyone: inside the portal it is limited per client address.</summary>
public sealed class SandboxAppRegistrationLimitTests : IAsyncLifetime
{
    private readonly PortalFactory portal = new();

    public ValueTask InitializeAsync()
    {
        portal.Settings["Sandbox:AppRegistrationsPerHour"] = "2";
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task RegistrationsBeyondTheHourlyLimitAnswer429()
    {
        using var client = portal.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/sandbox/dashboard/apps",
                new { name = $"App {i}", callback_urls = "https://partner.example/withings/callback" }, TestContext.Current.CancellationToken);
            answers.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task ARefusedRegistrationIsToldToComeBackWhenTheHourIsOverInProblemJsonEvenToABrowser()
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/json");
        HttpResponseMessage refused = null!;
        for (var i = 0; i < 3; i++)
        {
            refused = await client.PostAsJsonAsync("/sandbox/dashboard/apps", new { }, TestContext.Current.CancellationToken);
        }

        var problem = await refused.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromHours(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("Too many requests from this address; try again in 1 hour.", problem!.Detail);
    }

    public async ValueTask DisposeAsync()
    {
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
