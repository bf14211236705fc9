using System.Net;
using System.Net.Http.Json;
using System.Text;
using Markdig;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Components.Pages.Troubleshooting.Paste;
using Withings.Portal.Content.Feedback;
using Withings.Portal.Content.Markdown;
using Withings.Portal.Shell;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Troubleshooting.Api;
using Withings.Portal.Troubleshooting.Cases;

namespace Withings.Portal.Tests.Shell;

/// <summary>Hostile or absurd input (issue 11): each gets a clear answer, nothing is executed, and the portal stays healthy.</summary>
public class BadInputTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<int> Vectors => new(Enumerable.Range(0, XssVectors.All.Length));

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task XssVectorComesBackAsTextFromSearchAndCaseText(int index)
    {
        var vector = XssVectors.All[index];
        var client = fixture.Portal.CreateClient();

        var search = await client.GetStringAsync($"/search?q={Uri.EscapeDataString(vector)}", Cancel);
        var saved = await fixture.Portal.Services.GetRequiredService<CaseService>().CreateAsync(new NewCase($"error: {vector}", [], null), Cancel);
        var casePage = await client.GetStringAsync(saved.Route, Cancel);

        Assert.Equal(30, XssVectors.All.Length);
        foreach (var html in new[] { search, casePage })
        {
            if (vector.Contains('<'))
            {
                Assert.DoesNotContain(vector, html);
            }
            Assert.DoesNotContain("<script>alert(1)", html, StringComparison.OrdinalIgnoreCase);
            foreach (var tag in new[] { "<img src=x", "<svg onload", "<iframe src=javascript", "<body onload", "<details open", "<input autofocus", "<object data", "<embed src", "<meta http-equiv=refresh" })
            {
                Assert.DoesNotContain(tag, html, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task XssVectorComesBackAsTextFromThePasteBoxAndAFeedbackComment(int index)
    {
        var vector = XssVectors.All[index];
        var client = fixture.Portal.CreateClient();

        var paste = await client.PostAsync("/troubleshoot", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = PasteBox.FormName, [PasteBox.TextField] = $"wbsapi.withings.net said {vector}", [PasteBox.ActionField] = PasteBox.DiagnoseAction,
        }), Cancel);
        // The feedback form's answer page shows the reader's own comment back (their cookie names the answer).
        var answer = await fixture.Portal.Services.GetRequiredService<FeedbackService>()
            .SaveAsync("/faq/invalid-code", $"xss-{index}", helpful: false, $"looking for {vector}", Cancel);
        using var withAnswer = new HttpRequestMessage(HttpMethod.Get, "/faq/invalid-code");
        withAnswer.Headers.Add("Cookie", $"{FeedbackEndpoints.AnswerCookie}={answer.Id:N}");
        var feedbackPage = await (await client.SendAsync(withAnswer, Cancel)).Content.ReadAsStringAsync(Cancel);

        var pastePage = await paste.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("data-testid=\"feedback-comment\"", feedbackPage);
        foreach (var html in new[] { pastePage, feedbackPage })
        {
            if (vector.Contains('<'))
            {
                Assert.DoesNotContain(vector, html);
            }
            Assert.DoesNotContain("<script>alert(1)", html, StringComparison.OrdinalIgnoreCase);
            foreach (var tag in new[] { "<img src=x", "<svg onload", "<iframe src=javascript", "<body onload", "<details open", "<input autofocus", "<object data", "<embed src", "<meta http-equiv=refresh" })
            {
                Assert.DoesNotContain(tag, html, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void MarkdownContentCannotCarryScriptFramesOrJavascriptLinks()
    {
        var html = Markdown.ToHtml("""
            # Title
            <script>alert(1)</script>
            <iframe src="https://evil.example"></iframe>
            [click](javascript:alert(1)) [also](JAVASCRIPT:alert(1)) ![img](javascript:alert(1))
            <a href="javascript:alert(1)">raw</a>
            """, PortalMarkdown.CreatePipeline());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(1_000_000, HttpStatusCode.OK)]
    [InlineData(10_000_000, HttpStatusCode.RequestEntityTooLarge)]
    public async Task LargePastesGetAnAnswerOrAClearRefusal(int length, HttpStatusCode expected)
    {
        var paste = string.Concat(Enumerable.Repeat("HTTP 401 invalid_token at https://wbsapi.withings.net/measure\n", length / 62 + 1))[..length];

        var response = await fixture.Portal.CreateClient().PostAsJsonAsync("/api/diagnose", new { text = paste }, Cancel);

        Assert.Equal(expected, response.StatusCode);
        await AssertHealthyAsync();
    }

    [Theory]
    [InlineData("invalid UTF-8")]
    [InlineData("binary")]
    [InlineData("deeply nested JSON")]
    public async Task MalformedBodiesGetAProblemNotAnError(string kind)
    {
        byte[] body = kind switch
        {
            "invalid UTF-8" => [.. "{\"text\":\""u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\"}"u8],
            "binary" => Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 256)).ToArray(),
            _ => Encoding.UTF8.GetBytes("{\"text\":" + new string('[', 100_000) + new string(']', 100_000) + "}"),
        };
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        var response = await fixture.Portal.CreateClient().PostAsync("/api/diagnose", content, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertHealthyAsync();
    }

    [Theory]
    [InlineData("/", null)]
    [InlineData("/cases/new", "text/plain")]
    [InlineData("/troubleshoot/invalid-access-token/reproduce", "application/json")]
    public async Task APostToAPageThatIsNotAFormGets415AndOneLine(string page, string? contentType)
    {
        var client = fixture.Portal.CreateClient();
        using var body = contentType is null ? null : new StringContent("{}", Encoding.UTF8, contentType);

        var response = await client.PostAsync(page, body, Cancel);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(PagePostsNeedAForm.Message, await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Cancel)).StatusCode);
    }

    [Theory]
    [InlineData("/feedback", null)]
    [InlineData("/theme", null)]
    [InlineData("/troubleshoot/invalid-code/what-happened/outcome", null)]
    [InlineData("/feedback", "application/json")]
    public async Task APostThatIsNotAFormToAFormEndpointGets415AndOneLineAndLogsNoError(string address, string? contentType)
    {
        var client = fixture.Portal.CreateClient();
        using var body = contentType is null ? null : new StringContent("{}", Encoding.UTF8, contentType);
        var errorsBefore = ErrorLines();

        var response = await client.PostAsync(address, body, Cancel);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(PagePostsNeedAForm.Message, await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(errorsBefore, ErrorLines());
    }

    [Theory]
    [InlineData("application/json", "text/html")]
    [InlineData("application/json", null)]
    [InlineData(null, null)]
    public async Task APostThatIsNotAFormToAnAddressWithNoPageGetsTheStatusPageNotA415(string? contentType, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/no/such/page")
        {
            Content = contentType is null ? null : new StringContent("{}", Encoding.UTF8, contentType),
        };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        var response = await fixture.Portal.CreateBrowserLikeClient().SendAsync(request, Cancel);

        // Routing's 405 rather than 404: a GET-only route (the static assets' fallback) takes any path. Either way the
        // status page renders, for a request that was not a form post to a page.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task CurlWithTenThousandParametersIsDiagnosedForWhatItLacks()
    {
        var curl = "curl -X POST https://wbsapi.withings.net/v2/oauth2 " + string.Join(" ", Enumerable.Range(0, 10_000).Select(i => $"-d p{i}=v{i}"));

        var response = await fixture.Portal.CreateClient().PostAsJsonAsync("/api/diagnose", new { text = curl }, Cancel);
        var answer = await response.Content.ReadFromJsonAsync<DiagnoseResponse>(Cancel);

        // Its speed is a benchmark's business (DiagnosisBenchmarks, "curl with 10,000 parameters"), not this test's.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("client-id-missing", answer!.Diagnoses[0].Topic);
        await AssertHealthyAsync();
    }

    [Theory]
    [InlineData("/search?q=")]
    [InlineData("/troubleshoot/invalid-grant-type?check_request=")]
    [InlineData("/faq/invalid-code?x=")]
    public async Task QueryStringOf100KilobytesIsAnsweredWithoutAnError(string prefix)
    {
        var response = await fixture.Portal.CreateClient().GetAsync(prefix + new string('a', 100 * 1024), Cancel);

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}");
        await AssertHealthyAsync();
    }

    private List<string> ErrorLines() =>
        [.. fixture.Portal.WarningsAndErrors.Lines.Where(line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal))];

    private async Task AssertHealthyAsync() =>
        Assert.Equal(HttpStatusCode.OK, (await fixture.Portal.CreateClient().GetAsync("/healthz/ready", Cancel)).StatusCode);
}
