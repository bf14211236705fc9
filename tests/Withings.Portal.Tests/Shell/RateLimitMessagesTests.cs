using System.Net;
using System.Net.Http.Json;
using Withings.Portal.Shell;
using Withings.Portal.Tests.Infrastructure;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Shell;

/// <summary>
/// Each rate limit, once exceeded, answers 429 with a Retry-After from its own window and its clear message: the portal's
/// page for a person at a form or a page, problem+json for a program at the API.
/// </summary>
public sealed class RateLimitMessagesTests : IAsyncDisposable
{
    private readonly PortalFactory portal = new()
    {
        Settings =
        {
            ["Troubleshooting:Reproduce:PermitsPerMinute"] = "1",
            ["Troubleshooting:DiagnoseApi:PermitLimit"] = "1",
            ["Troubleshooting:DiagnoseApi:WindowSeconds"] = "600",
        },
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, int> FormsAndPages => new()
    {
        { "feedback form", "POST /feedback", 20 },
        { "outcome form", "POST /troubleshoot/invalid-code/what-happened/outcome", 20 },
        { "reproduce page", "GET /troubleshoot/invalid-code/reproduce", 1 },
        { "search page", "GET /search?q=token", 120 },
    };

    [Theory]
    [MemberData(nameof(FormsAndPages))]
    public async Task FormOrPageOverItsLimitShowsThePortalsPage(string name, string request, int limit)
    {
        var client = portal.CreateBrowserLikeClient();
        HttpResponseMessage last = null!;
        for (var i = 0; i <= limit; i++)
        {
            last = await client.SendAsync(Browser(request), Cancel);
        }

        var html = System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(await last.Content.ReadAsStringAsync(Cancel)), @"\s+", " ");
        Assert.True(last.StatusCode == HttpStatusCode.TooManyRequests, $"{name}: {(int)last.StatusCode}");
        Assert.Equal("text/html", last.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1", html);
        Assert.Contains("Too many requests", html);
        Assert.Contains("nothing was saved. Wait 1 minute, then", html);
        Assert.Equal(TimeSpan.FromMinutes(1), last.Headers.RetryAfter?.Delta);
        Assert.Equal("", SecurityHeadersTests.Missing(last));
    }

    [Fact]
    public async Task ApiOverItsTenMinuteLimitAnswersProblemJsonSayingToComeBackInTenMinutesEvenToABrowser()
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/json");
        await client.PostAsJsonAsync("/api/diagnose", new { text = "status 601" }, Cancel);

        var refused = await client.PostAsJsonAsync("/api/diagnose", new { text = "status 601" }, Cancel);
        var problem = await refused.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromMinutes(10), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("Too many requests from this address; try again in 10 minutes.", problem!.Detail);
        Assert.Equal(TooManyRequests.ProblemType, problem.Type);
        Assert.Equal(TooManyRequests.Title, problem.Title);
    }

    [Theory]
    [InlineData(1, "1 second")]
    [InlineData(90, "90 seconds")]
    [InlineData(60, "1 minute")]
    [InlineData(600, "10 minutes")]
    [InlineData(3600, "1 hour")]
    [InlineData(7200, "2 hours")]
    public void AWaitIsSaidExactly(int seconds, string words) => Assert.Equal(words, TooManyRequests.Wait(seconds));

    private static HttpRequestMessage Browser(string request)
    {
        var (method, url) = request.Split(' ') is [var m, var u] ? (m, u) : throw new ArgumentException(request);
        var message = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = method == "POST" ? Form(("page", "/faq/invalid-code"), ("helpful", "yes"), ("outcome", "fixed")) : null,
        };
        message.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        message.Headers.Add("Sec-Fetch-Site", "same-origin");
        return message;
    }

    public async ValueTask DisposeAsync()
    {
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
