using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Primitives;
using Withings.Portal.Shell;

namespace Withings.Portal.Tests.Shell;

public class ContentCodingTests
{
    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")] // Chrome
    [InlineData("br, gzip", "br")]
    [InlineData("BR", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("x-gzip", "gzip")]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("br; q=0.8, gzip; q=0.8", "br")]
    [InlineData("*", "br")]
    [InlineData("gzip;q=0.8, *;q=0.1", "gzip")]
    [InlineData("*;q=0", "identity")]
    [InlineData("identity", "identity")]
    [InlineData("deflate", "identity")]
    [InlineData("br;q=nonsense", "identity")]
    [InlineData("", "identity")]
    public void ReaderGetsTheAcceptableCodingTheyWeighHighest(string acceptEncoding, string expected)
    {
        Assert.Equal(expected, ContentCoding.Negotiate(new StringValues(acceptEncoding)).Name);
    }

    [Fact]
    public void NoAcceptEncodingHeaderMeansIdentity()
    {
        Assert.Same(ContentCoding.Identity, ContentCoding.Negotiate(StringValues.Empty));
    }

    [Fact]
    public void CodingsSpreadOverSeveralHeaderLinesAreAllRead()
    {
        Assert.Same(ContentCoding.Brotli, ContentCoding.Negotiate(new StringValues(["gzip;q=0.5", "br"])));
    }

    [Fact]
    public void BrotliAndGzipDecodeBackToTheOriginalBytes()
    {
        var html = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>Get a new code and exchange it at once.</p>\n", 500)));

        var brotli = ContentCoding.Brotli.Encode(html).ToArray();
        var gzip = ContentCoding.Gzip.Encode(html).ToArray();

        Assert.Equal(html, Decode(new BrotliStream(new MemoryStream(brotli), CompressionMode.Decompress)));
        Assert.Equal(html, Decode(new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress)));
        Assert.True(brotli.Length < html.Length / 10);
        Assert.Equal(html, ContentCoding.Identity.Encode(html).ToArray());
    }

    private static byte[] Decode(Stream decompressing)
    {
        using var plain = new MemoryStream();
        decompressing.CopyTo(plain);
        return plain.ToArray();
    }
}
