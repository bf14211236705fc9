using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Content.Feedback;
using Withings.Portal.Shell;
using Withings.Portal.Tests.Infrastructure;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Shell;

/// <summary>Help pages as a reverse proxy or CDN sees them: public, compressed once, with a strong ETag; personal pages never public.</summary>
public class SharedHelpPageResponseTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>One page of each kind: indexes, FAQ, glossary, guide, status codes, a topic and one of its steps, and the
    /// pages with the paste box (a plain form that holds nothing personal).</summary>
    public static TheoryData<string> HelpPages =>
    [
        "/", "/troubleshoot", "/faq", "/faq/invalid-code", "/glossary", "/glossary/scope", "/guides", "/guides/calling-the-data-api",
        "/errors", "/errors/503", "/troubleshoot/invalid-code", "/troubleshoot/invalid-code/code-age",
    ];

    public static TheoryData<string> Codings => ["br", "gzip", "identity"];

    [Theory]
    [MemberData(nameof(HelpPages))]
    public async Task EveryKindOfHelpPageMayBeKeptByAnyCacheWithAStrongETag(string page)
    {
        var response = await Get(page, "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cacheControl = response.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        Assert.False(cacheControl.Private || cacheControl.NoStore || cacheControl.NoCache);
        Assert.Equal(TimeSpan.FromMinutes(5), cacheControl.MaxAge);
        Assert.Contains("stale-while-revalidate=60", cacheControl.ToString());
        var etag = response.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Contains("Cookie", response.Headers.Vary);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [MemberData(nameof(HelpPages))]
    public async Task IfNoneMatchWithTheCurrentETagGetsA304WithoutBody(string page)
    {
        var etag = (await Get(page, "br, gzip")).Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, page);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        request.Headers.IfNoneMatch.Add(etag);
        var revalidated = await fixture.Portal.CreateBrowserLikeClient().SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(etag, revalidated.Headers.ETag);
        Assert.True(revalidated.Headers.CacheControl?.Public);
    }

    [Fact]
    public async Task AnOutdatedETagGetsTheWholePage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/glossary/state");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-rendering\""));

        var response = await fixture.Portal.CreateBrowserLikeClient().SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(Codings))]
    public async Task CompressedPageDecodesToTheSameHtmlAsTheUncompressedOne(string coding)
    {
        var plain = await (await Get("/faq/redirect-uri-mismatch", "identity")).Content.ReadAsByteArrayAsync(Cancel);

        var response = await Get("/faq/redirect-uri-mismatch", coding);

        var sent = await response.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal(sent.Length, response.Content.Headers.ContentLength);
        if (coding == "identity")
        {
            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.Equal(plain, sent);
        }
        else
        {
            Assert.Equal(coding, Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.True(sent.Length < plain.Length / 3, $"{coding}: {sent.Length} bytes for {plain.Length}");
            Assert.Equal(Encoding.UTF8.GetString(plain), Encoding.UTF8.GetString(Decode(coding, sent)));
        }
    }

    [Fact]
    public async Task EachCodingHasItsOwnETag()
    {
        var brotli = (await Get("/glossary/access-token", "br")).Headers.ETag;
        var gzip = (await Get("/glossary/access-token", "gzip")).Headers.ETag;
        var identity = (await Get("/glossary/access-token", null)).Headers.ETag;

        Assert.Equal(3, new[] { brotli, gzip, identity }.Distinct().Count());
    }

    [Fact]
    public async Task CompressedPageIsStoredAndReplayedNotCompressedAgain()
    {
        var first = await Get("/glossary/nonce", "br");

        var second = await Get("/glossary/nonce", "br");

        Assert.True(second.Headers.Contains("Age"), "the second response should come from the output cache");
        Assert.Equal("br", Assert.Single(second.Content.Headers.ContentEncoding));
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(Cancel), await second.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task SharedPageCarriesNothingOfTheVisitorWhoCausedTheRendering()
    {
        var html = await (await Get("/guides/creating-test-data?visitor=1", null)).Content.ReadAsStringAsync(Cancel);

        Assert.DoesNotContain("Component-State", html);
        Assert.DoesNotContain("__RequestVerificationToken", html);
        Assert.DoesNotContain("Antiforgery", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("CfDJ8", html); // the prefix of every Data Protection payload
    }

    [Theory]
    [MemberData(nameof(HelpPages))]
    public async Task RenderingAgainAfterEvictionGivesTheSameETag(string page)
    {
        var before = await Get(page, "br");

        await fixture.Portal.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(HelpPageCachePolicy.ContentTag, Cancel);
        var after = await Get(page, "br");

        Assert.False(after.Headers.Contains("Age"), "the page should have been rendered again");
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task ContentEditIsServedAfterEvictionWithANewETag()
    {
        var content = ContentCopy.Create();
        await using var portal = new PortalFactory { Settings = { ["Content:Root"] = content.FullName } };
        try
        {
            var client = portal.CreateClient();
            var before = await client.GetAsync("/glossary/scope", Cancel);
            await File.AppendAllTextAsync(Path.Combine(content.FullName, "glossary", "scope.md"), "\n\nEdited for the cache test.\n", Cancel);

            var after = await client.GetAsync("/glossary/scope", Cancel);
            for (var deadline = DateTime.UtcNow.AddSeconds(10);
                 !(await after.Content.ReadAsStringAsync(Cancel)).Contains("Edited for the cache test.", StringComparison.Ordinal) && DateTime.UtcNow < deadline;)
            {
                await Task.Delay(100, Cancel); // the file watcher reloads the content asynchronously
                after = await client.GetAsync("/glossary/scope", Cancel);
            }

            Assert.Contains("Edited for the cache test.", await after.Content.ReadAsStringAsync(Cancel));
            Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
            using var revalidation = new HttpRequestMessage(HttpMethod.Get, "/glossary/scope");
            revalidation.Headers.IfNoneMatch.Add(before.Headers.ETag!);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(revalidation, Cancel)).StatusCode);
        }
        finally
        {
            portal.DeleteData();
            content.Delete(recursive: true);
        }
    }

    public static TheoryData<string> PagesWithIslandsOrPersonalContent => ["/playground", "/cases/new", "/search?q=refresh+token"];

    [Theory]
    [MemberData(nameof(PagesWithIslandsOrPersonalContent))]
    public async Task PagesWithIslandsOrPersonalContentAreNeitherPublicNorCompressed(string page)
    {
        var response = await Get(page, "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.CacheControl?.Public ?? false);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task ReadersOwnVoteMakesTheirCopyPrivateAndUncompressed()
    {
        var voter = fixture.Portal.CreateBrowserLikeClient();
        var posted = await voter.PostAsync("/feedback", Form(("page", "/faq/unlink-a-user"), ("helpful", "yes")), Cancel);
        var answerCookie = CookiesFrom(posted).Split("; ").Single(c => c.StartsWith(FeedbackEndpoints.AnswerCookie, StringComparison.Ordinal));
        Assert.False(posted.Headers.CacheControl?.Public ?? false);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/faq/unlink-a-user");
        request.Headers.Add("Cookie", answerCookie);
        request.Headers.AcceptEncoding.ParseAdd("br");
        var own = await fixture.Portal.CreateClient().SendAsync(request, Cancel);

        Assert.Contains("You said this page was", await own.Content.ReadAsStringAsync(Cancel));
        Assert.False(own.Headers.CacheControl?.Public ?? false);
        Assert.True(own.Headers.CacheControl?.NoStore);
        Assert.Null(own.Headers.ETag);
        Assert.Empty(own.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task CasePageIsNeverPublic()
    {
        var response = await Get("/cases/AAAAAAAAAAAAAAAAAAAAAAAAAA", "br");

        Assert.False(response.Headers.CacheControl?.Public ?? false);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task PostToAHelpPageAddressIsNeverPublic()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/troubleshoot/invalid-code") { Content = Form(("x", "1")) };
        request.Headers.AcceptEncoding.ParseAdd("br");

        var response = await fixture.Portal.CreateBrowserLikeClient().SendAsync(request, Cancel);

        Assert.False(response.Headers.CacheControl?.Public ?? false);
        Assert.Null(response.Headers.ETag);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task StaticAssetsKeepTheirOwnPrecompressedFiles()
    {
        var response = await Get("/_content/MudBlazor/MudBlazor.min.css", "br");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(HelpPageCachePolicy.SharedCacheControl, response.Headers.CacheControl?.ToString());
        Assert.NotEqual(HelpPageCachePolicy.SharedVary, string.Join(", ", response.Headers.Vary));
    }

    private async Task<HttpResponseMessage> Get(string page, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, page);
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }
        var response = await fixture.Portal.CreateBrowserLikeClient().SendAsync(request, Cancel);
        await response.Content.LoadIntoBufferAsync(Cancel);
        return response;
    }

    private static byte[] Decode(string coding, byte[] sent)
    {
        using Stream decoding = coding == "br"
            ? new BrotliStream(new MemoryStream(sent), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(sent), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        decoding.CopyTo(plain);
        return plain.ToArray();
    }
}
