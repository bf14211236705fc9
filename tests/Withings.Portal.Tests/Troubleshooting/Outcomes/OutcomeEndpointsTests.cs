using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Troubleshooting.Outcomes;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Troubleshooting.Outcomes;

/// <summary>"This fixed it" / "Still broken": a token-less form post stored per topic and step.</summary>
public sealed class OutcomeEndpointsTests : IAsyncDisposable
{
    private readonly PortalFactory portal = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private OutcomeService Outcomes => portal.Services.GetRequiredService<OutcomeService>();

    [Fact]
    public async Task FixedIsStoredAndTheReaderReturnsToTheStepWithTheThanks()
    {
        var response = await portal.CreateBrowserLikeClient().PostAsync("/troubleshoot/invalid-code/fix-expired/outcome",
            Form(("outcome", "fixed"), ("path", "start,code-age")), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/troubleshoot/invalid-code/fix-expired?path=start,code-age&outcome=fixed#outcome", response.Headers.Location?.OriginalString);
        Assert.Equal([new OutcomeCount("invalid-code", "fix-expired", 1, 0)], await Outcomes.CountsAsync(Cancel));
    }

    [Fact]
    public async Task SecondAnswerOfTheSameVisitorReplacesTheFirst()
    {
        var client = portal.CreateBrowserLikeClient();
        await client.PostAsync("/troubleshoot/invalid-code/fix-expired/outcome", Form(("outcome", "fixed")), Cancel);

        await client.PostAsync("/troubleshoot/invalid-code/fix-expired/outcome", Form(("outcome", "broken")), Cancel);

        Assert.Equal([new OutcomeCount("invalid-code", "fix-expired", 0, 1)], await Outcomes.CountsAsync(Cancel));
    }

    [Fact]
    public async Task DifferentVisitorsAreCountedApart()
    {
        await portal.CreateBrowserLikeClient().PostAsync("/troubleshoot/cors/fix-backend/outcome", Form(("outcome", "fixed")), Cancel);
        await portal.CreateBrowserLikeClient().PostAsync("/troubleshoot/cors/fix-backend/outcome", Form(("outcome", "broken")), Cancel);
        await portal.CreateBrowserLikeClient().PostAsync("/troubleshoot/invalid-code/fix-expired/outcome", Form(("outcome", "fixed")), Cancel);

        var counts = await Outcomes.CountsAsync(Cancel);

        Assert.Equal([new OutcomeCount("cors", "fix-backend", 1, 1), new OutcomeCount("invalid-code", "fix-expired", 1, 0)], counts);
    }

    [Fact]
    public async Task CrossSitePostIsRefusedAndNothingIsStored()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/troubleshoot/invalid-code/fix-expired/outcome")
        {
            Content = Form(("outcome", "fixed")),
        };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Origin", "https://evil.example");

        var response = await portal.CreateBrowserLikeClient().SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await Outcomes.CountsAsync(Cancel));
    }

    [Theory]
    [InlineData("/troubleshoot/invalid-code/start/outcome", "fixed")]
    [InlineData("/troubleshoot/no-such-topic/fix-expired/outcome", "fixed")]
    [InlineData("/troubleshoot/invalid-code/fix-expired/outcome", "maybe")]
    public async Task OutcomeOutsideAFixStepOrWithAnotherAnswerIsRefused(string url, string outcome)
    {
        var response = await portal.CreateBrowserLikeClient().PostAsync(url, Form(("outcome", outcome)), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await Outcomes.CountsAsync(Cancel));
    }

    [Fact]
    public async Task PathThatIsNotAListOfStepIdsIsDropped()
    {
        var response = await portal.CreateBrowserLikeClient().PostAsync("/troubleshoot/invalid-code/fix-expired/outcome",
            Form(("outcome", "fixed"), ("path", "start&outcome=<script>")), Cancel);

        Assert.Equal("/troubleshoot/invalid-code/fix-expired?outcome=fixed#outcome", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ThankYouIsASharedPageServedFromTheCache()
    {
        var client = portal.CreateBrowserLikeClient();
        await client.GetAsync("/troubleshoot/invalid-code/fix-expired?outcome=fixed", Cancel);

        var second = await client.GetAsync("/troubleshoot/invalid-code/fix-expired?outcome=fixed", Cancel);

        Assert.True(second.Headers.Contains("Age"));
        Assert.Contains("data-testid=\"outcome-thanks\"", await second.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task StillBrokenOffersTheOtherFixesThePasteBoxAndSupport()
    {
        var html = WebUtility.HtmlDecode(await portal.CreateClient().GetStringAsync("/troubleshoot/invalid-code/fix-expired?outcome=broken", Cancel));

        Assert.Contains("Still broken? Try these next", html);
        Assert.Contains("href=\"/troubleshoot/invalid-code/fix-single-use\"", html);
        Assert.Contains("href=\"/troubleshoot\"", html);
        Assert.Contains("Contact Withings partner support", html);
        Assert.Contains("<details class=\"portal-causes mt-3\" open", html);
    }

    public async ValueTask DisposeAsync()
    {
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
