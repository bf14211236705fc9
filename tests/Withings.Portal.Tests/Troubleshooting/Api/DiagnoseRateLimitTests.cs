using System.Net;
using System.Net.Http.Json;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Troubleshooting.Api;

public class DiagnoseRateLimitTests
{
    [Fact]
    public async Task ClientOverTheWindowLimitGetsAProblem429()
    {
        await using var portal = new PortalFactory();
        portal.Settings["Troubleshooting:DiagnoseApi:PermitLimit"] = "2";
        portal.Settings["Troubleshooting:DiagnoseApi:WindowSeconds"] = "3600";
        var client = portal.CreateClient();
        var cancel = TestContext.Current.CancellationToken;

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/api/diagnose", new { text = "withings status 601" }, cancel);
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "the 429 says when to come back, as the OpenAPI document promises");
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        portal.DeleteData();
    }
}
