using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Content.Feedback;
using Withings.Portal.Data;
using Withings.Portal.Tests.Infrastructure;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Content.Feedback;

public class FeedbackEndpointsTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Page = "/faq/demo-user";

    [Fact]
    public async Task VoteIsStoredAndShownBackOnlyToTheVoter()
    {
        var voter = fixture.Portal.CreateBrowserLikeClient();
        var posted = await voter.PostAsync("/feedback", Form(("page", Page), ("helpful", "yes"), ("comment", "Clear, thanks")), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"{Page}#feedback", posted.Headers.Location?.OriginalString);
        var answerCookie = posted.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(FeedbackEndpoints.AnswerCookie, StringComparison.Ordinal));
        Assert.Contains($"path={Page}", answerCookie);

        var own = await GetWithCookies(Page, CookiesFrom(posted));
        Assert.Contains("You said this page was <strong>helpful</strong>", own);
        Assert.Contains("Clear, thanks", own);

        var someoneElse = await fixture.Portal.CreateClient().GetStringAsync(Page, Cancel);
        Assert.Contains("Was this helpful?", someoneElse);
        Assert.DoesNotContain("Clear, thanks", someoneElse);
    }

    [Fact]
    public async Task SecondVoteOfAVisitorReplacesTheFirst()
    {
        var voter = fixture.Portal.CreateBrowserLikeClient();
        var first = await voter.PostAsync("/feedback", Form(("page", "/faq/test-data"), ("helpful", "yes")), Cancel);
        var visitor = CookiesFrom(first).Split("; ").Single(c => c.StartsWith(FeedbackEndpoints.VisitorCookie, StringComparison.Ordinal));

        using var again = new HttpRequestMessage(HttpMethod.Post, "/feedback") { Content = Form(("page", "/faq/test-data"), ("helpful", "no"), ("comment", "changed my mind")) };
        again.Headers.Add("Cookie", visitor);
        await voter.SendAsync(again, Cancel);

        var rows = await Feedback().Where(f => f.PageRoute == "/faq/test-data").ToListAsync(Cancel);
        var row = Assert.Single(rows);
        Assert.False(row.Helpful);
        Assert.Equal("changed my mind", row.Comment);
    }

    [Fact]
    public async Task CommentIsShownAsTextNeverAsMarkup()
    {
        var posted = await fixture.Portal.CreateBrowserLikeClient()
            .PostAsync("/feedback", Form(("page", "/faq/cors-policy-error"), ("helpful", "no"), ("comment", "<script>alert(1)</script><b>bold</b>")), Cancel);

        var html = await GetWithCookies("/faq/cors-policy-error", CookiesFrom(posted));

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>bold</b>", html);
    }

    [Fact]
    public async Task AStatusCodePageAsksWasThisHelpfulAndTakesTheAnswerLikeAHelpPage()
    {
        const string statusPage = "/errors/601";
        var shared = await fixture.Portal.CreateClient().GetStringAsync(statusPage, Cancel);
        Assert.Contains("action=\"/feedback\"", shared);
        Assert.Contains($"name=\"page\" value=\"{statusPage}\"", shared);

        var posted = await fixture.Portal.CreateBrowserLikeClient()
            .PostAsync("/feedback", Form(("page", statusPage), ("helpful", "no"), ("comment", "Which limit?")), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"{statusPage}#feedback", posted.Headers.Location?.OriginalString);
        Assert.Contains("Which limit?", await GetWithCookies(statusPage, CookiesFrom(posted)));
        Assert.DoesNotContain("Which limit?", await fixture.Portal.CreateClient().GetStringAsync(statusPage, Cancel));
        Assert.Single(await Feedback().Where(f => f.PageRoute == statusPage).ToListAsync(Cancel));
    }

    [Theory]
    [InlineData("/faq/no-such-page", "yes", "Feedback can only be given on a page of the portal.")]
    [InlineData("/errors/9999", "yes", "Feedback can only be given on a page of the portal.")]
    [InlineData("/faq/demo-user", "maybe", "Answer with Yes or No.")]
    public async Task BadFeedbackIsRefusedWithAClearMessage(string page, string helpful, string message)
    {
        var response = await fixture.Portal.CreateBrowserLikeClient().PostAsync("/feedback", Form(("page", page), ("helpful", helpful)), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task TooLongCommentIsRefused()
    {
        var response = await fixture.Portal.CreateBrowserLikeClient()
            .PostAsync("/feedback", Form(("page", Page), ("helpful", "yes"), ("comment", new string('x', PageFeedback.MaxCommentLength + 1))), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task FeedbackPostedFromAnotherSiteIsRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/feedback") { Content = Form(("page", Page), ("helpful", "no")) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        var response = await fixture.Portal.CreateBrowserLikeClient().SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<string> GetWithCookies(string path, string cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        var response = await fixture.Portal.CreateBrowserLikeClient().SendAsync(request, Cancel);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    private IQueryable<PageFeedback> Feedback() =>
        fixture.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext().Set<PageFeedback>().AsNoTracking();
}
