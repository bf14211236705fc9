using System.Net;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Components.Pages.Troubleshooting.Topics;

/// <summary>Live checks as plain GET forms: the server renders the answer, keeps what was typed, and offers the next step.</summary>
public class LiveCheckPageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckFormIsAGetFormBackToTheStep()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/troubleshoot/invalid-code/code-age?path=start", Cancel);

        Assert.Contains("<form method=\"get\" action=\"/troubleshoot/invalid-code/code-age#check\">", html);
        Assert.Contains("name=\"path\" value=\"start\"", html);
        Assert.DoesNotContain("data-testid=\"check-result\"", html);
    }

    [Fact]
    public async Task CodeAgeCheckAnswersTheQuestionAndOffersTheNextStep()
    {
        var html = WebUtility.HtmlDecode(await fixture.Portal.CreateClient().GetStringAsync(
            "/troubleshoot/invalid-code/code-age?path=start&check_redirected=12:00:01&check_exchanged=12:00:45", Cancel));

        Assert.Contains("The code had expired.", html);
        Assert.Contains("This answers the question: <strong>More than 30 seconds</strong>", html);
        Assert.Contains("href=\"/troubleshoot/invalid-code/fix-expired?path=start,code-age\"", html);
        Assert.Contains("value=\"12:00:45\"", html);
    }

    [Fact]
    public async Task BadTimeGetsAClearMessageAndKeepsWhatWasTyped()
    {
        var html = WebUtility.HtmlDecode(await fixture.Portal.CreateClient().GetStringAsync(
            "/troubleshoot/invalid-code/code-age?check_redirected=noon&check_exchanged=12:00:45", Cancel));

        Assert.Contains("The callback time “noon” is not a time", html);
        Assert.Contains("value=\"noon\"", html);
        Assert.Contains("value=\"12:00:45\"", html);
        Assert.DoesNotContain("data-testid=\"check-decided\"", html);
    }

    [Fact]
    public async Task CallbackUrlCheckListsTheRuleProblemsAndKeepsTheInput()
    {
        var url = "http://localhost:8080/cb";
        var html = WebUtility.HtmlDecode(await fixture.Portal.CreateClient().GetStringAsync(
            $"/troubleshoot/invalid-callback-url?check_url={Uri.EscapeDataString(url)}", Cancel));

        Assert.Contains("localhost is not allowed", html);
        Assert.Contains($"value=\"{url}\"", html);
        Assert.Contains("href=\"/troubleshoot/invalid-callback-url/fix-public-host?path=start\"", html);
    }

    [Fact]
    public async Task RedirectUriCheckComparesWithTheRegisteredList()
    {
        var html = WebUtility.HtmlDecode(await fixture.Portal.CreateClient().GetStringAsync(
            "/troubleshoot/redirect-uri-mismatch/registered?path=start&check_url=https%3A%2F%2Fexample.com%2Fcb&check_registered=https%3A%2F%2Fexample.com%2Fcb", Cancel));

        Assert.Contains("redirect_uri matches a registered callback URL.", html);
        Assert.Contains("href=\"/troubleshoot/redirect-uri-mismatch/encoded?path=start,registered\"", html);
    }

    [Fact]
    public async Task RequestCheckFindsParametersInTheQueryAndKeepsThePastedText()
    {
        var curl = "curl -X POST 'https://wbsapi.withings.net/v2/oauth2?action=requesttoken&grant_type=authorization_code&client_id=abc&client_secret=xyz&code=c0de'";
        var html = WebUtility.HtmlDecode(await fixture.Portal.CreateClient().GetStringAsync(
            $"/troubleshoot/invalid-grant-type?check_request={Uri.EscapeDataString(curl)}", Cancel));

        Assert.Contains("to fix in this request", html);
        Assert.Contains(curl + "</textarea>", html);
        Assert.Contains("href=\"/troubleshoot/invalid-grant-type/fix-post-body?path=start\"", html);
    }

    [Fact]
    public async Task RequestCheckWithoutARequestSaysWhatToPaste()
    {
        var html = WebUtility.HtmlDecode(await fixture.Portal.CreateClient().GetStringAsync(
            "/troubleshoot/unknown-action?check_request=hello", Cancel));

        Assert.Contains("No request found in this text.", html);
        Assert.Contains(">hello</textarea>", html);
    }

    [Fact]
    public async Task CheckResultsAreCachedPerAddress()
    {
        var client = fixture.Portal.CreateBrowserLikeClient();
        var url = "/troubleshoot/notification-callback?check_url=https%3A%2F%2F192.168.1.20%2Fhook";
        await client.GetAsync(url, Cancel);

        var second = await client.GetAsync(url, Cancel);

        Assert.True(second.Headers.Contains("Age"));
        Assert.Contains("192.168.1.20 is an IP address", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync(Cancel)));
    }
}
