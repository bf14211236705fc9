using System.Net;
using Withings.Client;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Errors;

public class StatusCodePagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryOfficialStatusCodeHasItsPage()
    {
        var client = fixture.Portal.CreateClient();
        var failures = new List<string>();

        foreach (var (code, family) in WithingsStatusCodes.All)
        {
            var response = await client.GetAsync($"/errors/{code}", Cancel);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
            if (response.StatusCode != HttpStatusCode.OK || !html.Contains($"Status {code}: {family}", StringComparison.Ordinal))
            {
                failures.Add($"{code}: {(int)response.StatusCode}");
            }
        }

        Assert.Equal(252, WithingsStatusCodes.All.Count);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task AStatusThePortalOnlyReadsAsATopicIsMarkedUnconfirmedWhereverItIsShown()
    {
        var client = fixture.Portal.CreateClient();

        var codePage = WebUtility.HtmlDecode(await client.GetStringAsync("/errors/293", Cancel));
        var topicPage = WebUtility.HtmlDecode(await client.GetStringAsync("/troubleshoot/redirect-uri-mismatch", Cancel));
        var documented = WebUtility.HtmlDecode(await client.GetStringAsync("/troubleshoot/notification-callback", Cancel));

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(codePage, "data-testid=\"unconfirmed-status\""));
        Assert.Contains("Unconfirmed: Withings does not document status 293 for this problem", codePage);
        Assert.Contains("status 293 (unconfirmed)", topicPage);
        Assert.DoesNotContain("Also about status 293", topicPage);
        Assert.Contains(">status 293<", documented);
    }

    [Fact]
    public async Task AnUnconfirmedHttpStatusOnATopicIsMarkedSoToo()
    {
        var topicPage = WebUtility.HtmlDecode(await fixture.Portal.CreateClient().GetStringAsync("/troubleshoot/wrong-authorize-endpoint", Cancel));

        Assert.Contains("HTTP 404 (unconfirmed)", topicPage);
    }

    [Theory]
    [InlineData("/errors/9999")]
    [InlineData("/errors/abc")]
    public async Task UnofficialCodeGivesTheNotFoundPage(string path)
    {
        var response = await fixture.Portal.CreateClient().GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CodePageGivesTheOfficialFamilyAdvice()
    {
        var html = WebUtility.HtmlDecode(await fixture.Portal.CreateClient().GetStringAsync("/errors/601", Cancel));

        Assert.Contains("Status 601: Too many request", html);
        Assert.Contains(WithingsStatusCodes.AdviceFor(WithingsStatusCodes.TooManyRequests), html);
    }

    [Fact]
    public async Task SharedCodeListsEveryTopicThatUsesIt()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/errors/503", Cancel);

        Assert.Contains("href=\"/troubleshoot/invalid-code\"", html);
        Assert.Contains("href=\"/troubleshoot/invalid-refresh-token\"", html);
        Assert.Contains("href=\"/troubleshoot/invalid-client-credentials\"", html);
        Assert.Contains("problems give status 503", html);
    }

    [Fact]
    public async Task IndexListsEveryCodeAndJumpsToOne()
    {
        var client = fixture.Portal.CreateBrowserLikeClient();

        var html = await client.GetStringAsync("/errors", Cancel);
        var jump = await client.GetAsync("/errors?code=293", Cancel);
        var bad = WebUtility.HtmlDecode(await client.GetStringAsync("/errors?code=12345", Cancel));

        Assert.Equal(252, System.Text.RegularExpressions.Regex.Count(html, "<li><a href=\"/errors/\\d+\""));
        Assert.Equal(HttpStatusCode.Redirect, jump.StatusCode);
        Assert.EndsWith("/errors/293", jump.Headers.Location?.OriginalString);
        Assert.Contains("“12345” is not an official Withings status code", bad);
    }
}
