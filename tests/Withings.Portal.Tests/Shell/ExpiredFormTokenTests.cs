using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Support.Links;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Tests.Support;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Shell;

/// <summary>A form posted with a stale or missing token: people are sent back to the form and told why; programs keep the 400.</summary>
public class ExpiredFormTokenTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInPostedWithoutItsTokenGoesBackToTheFormSayingNothingWasDone()
    {
        var browser = fixture.Portal.CreateBrowserLikeClient();

        var posted = await browser.SendAsync(HtmlPost("/support/sign-in?returnUrl=%2Fsupport%2Flinks",
            ("_handler", "support-sign-in"), ("Input.Email", PortalFactory.AdminEmail), ("Input.Password", PortalFactory.AdminPassword)), Cancel);

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal("/support/sign-in?returnUrl=%2Fsupport%2Flinks&form-expired=1", posted.Headers.Location?.OriginalString);
        Assert.DoesNotContain(".AspNetCore.Identity.Application", CookiesFrom(posted));
        var page = await (await browser.SendAsync(HtmlGet(posted.Headers.Location!.OriginalString), Cancel)).Content.ReadAsStringAsync(Cancel);
        Assert.Contains("data-testid=\"form-expired\"", page);
        Assert.Contains("Nothing was changed", page);
        Assert.NotEqual("", AntiforgeryTokenIn(page));
    }

    [Fact]
    public async Task ASupportFormWithAStaleTokenGoesBackToThePageItCameFromAndMakesNothing()
    {
        var admin = await SupportClient.SignedInAsync(fixture.Portal);
        var before = (await fixture.Portal.Services.GetRequiredService<SupportLinks>().ListAsync(0, 1, Cancel)).Total;
        var request = HtmlPost("/support/links", ("__RequestVerificationToken", "stale"), ("topic", "invalid-code"), ("step", "start"));
        request.Headers.Referrer = new Uri("http://localhost/support/links/new?topic=invalid-code");

        var posted = await admin.Http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal("/support/links/new?topic=invalid-code&form-expired=1", posted.Headers.Location?.OriginalString);
        Assert.Equal(before, (await fixture.Portal.Services.GetRequiredService<SupportLinks>().ListAsync(0, 1, Cancel)).Total);
    }

    [Fact]
    public async Task AReferrerOnAnotherSiteIsNotFollowed()
    {
        var admin = await SupportClient.SignedInAsync(fixture.Portal);
        var request = HtmlPost("/support/links", ("topic", "invalid-code"), ("step", "start"));
        request.Headers.Referrer = new Uri("https://evil.example/support/links/new");

        var posted = await admin.Http.SendAsync(request, Cancel);

        Assert.Equal("/?form-expired=1", posted.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AFormPostedToAnAddressWithNoPageIsSentThereToSeeTheNotFoundPage()
    {
        var posted = await fixture.Portal.CreateBrowserLikeClient().SendAsync(HtmlPost("/no-such-page", ("a", "b")), Cancel);

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal("/no-such-page", posted.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AProgramPostingWithoutATokenStillGetsTheBareRefusal()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/support/sign-in") { Content = Form(("_handler", "support-sign-in")) };

        var posted = await fixture.Portal.CreateBrowserLikeClient().SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
    }

    private static HttpRequestMessage HtmlPost(string path, params (string Key, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Form(fields) };
        request.Headers.Accept.ParseAdd("text/html");
        return request;
    }

    private static HttpRequestMessage HtmlGet(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        return request;
    }
}
