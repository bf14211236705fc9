using System.Net;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Shell;

/// <summary>A help page asked for with capitals gets the same answer every time: a 301 to its lowercase address.</summary>
public class LowercaseHelpPageUrlsTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/glossary/USERID", "/glossary/userid")]
    [InlineData("/guides/DEMO-USER", "/guides/demo-user")]
    [InlineData("/faq/INVALID-CODE", "/faq/invalid-code")]
    [InlineData("/FAQ/invalid-code", "/faq/invalid-code")]
    [InlineData("/troubleshoot/Invalid-Code", "/troubleshoot/invalid-code")]
    [InlineData("/troubleshoot/invalid-code/Code-Age?status=503&endpoint=token", "/troubleshoot/invalid-code/code-age?status=503&endpoint=token")]
    [InlineData("/Errors/601", "/errors/601")]
    public async Task ACapitalisedAddressIsRedirectedToTheLowercasePageBeforeAndAfterThatPageIsCached(string asked, string canonical)
    {
        var client = fixture.Portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        var before = await client.GetAsync(asked, Cancel);
        var page = await client.GetAsync(canonical, Cancel);
        var after = await client.GetAsync(asked, Cancel);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        foreach (var response in new[] { before, after })
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(canonical, response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task AQueryKeepsItsCapitals()
    {
        var client = fixture.Portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        var response = await client.GetAsync("/Troubleshoot/invalid-callback-url?url=https%3A%2F%2FExample.com%2FCallback", Cancel);

        Assert.Equal("/troubleshoot/invalid-callback-url?url=https%3A%2F%2FExample.com%2FCallback", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PagesThatAreNotHelpPagesAreLeftAlone()
    {
        var client = fixture.Portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        var response = await client.GetAsync("/Search?q=Token", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
