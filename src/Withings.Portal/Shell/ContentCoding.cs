using System.Globalization;
using System.IO.Compression;
using Microsoft.Extensions.Primitives;

namespace Withings.Portal.Shell;

/// <summary>
/// The content codings a shared help page is stored and sent in. Each is compressed once, when the page enters the
/// output cache, and then served as stored to every reader who accepts it.
/// </summary>
public sealed class ContentCoding
{
    public static readonly ContentCoding Identity = new("identity");

    /// <summary>
    /// Quality 5: a 36 KB help page becomes 8.4 KB in about 1 ms. Quality 11 would save 1 KB more but takes 76 ms on a
    /// 2-core machine, paid by the visitor who fills the output cache: the first reader of each page after a start and
    /// once a minute per page and theme after that (docs/PERFORMANCE.md, "Brotli level, second look").
    /// </summary>
    public static readonly ContentCoding Brotli = new("br");

    public static readonly ContentCoding Gzip = new("gzip");

    private const int BrotliQuality = 5;
    private const int BrotliWindowBits = 22;

    private ContentCoding(string name) => Name = name;

    /// <summary>The <c>Content-Encoding</c> token; also the value the output cache varies by.</summary>
    public string Name { get; }

    public static ContentCoding FromName(string name) => name switch
    {
        "br" => Brotli,
        "gzip" => Gzip,
        _ => Identity,
    };

    /// <summary>
    /// Picks the coding for a request's <c>Accept-Encoding</c> (RFC 9110 §12.5.3): the acceptable one with the highest
    /// weight, Brotli before gzip on a tie; <c>*</c> stands for any coding not listed; no header means identity.
    /// </summary>
    public static ContentCoding Negotiate(StringValues acceptEncoding)
    {
        double brotli = -1, gzip = -1, any = -1;
        foreach (var line in acceptEncoding)
        {
            var text = (line ?? "").AsSpan();
            foreach (var range in text.Split(','))
            {
                var item = text[range].Trim();
                var parameters = item.IndexOf(';');
                var coding = (parameters < 0 ? item : item[..parameters]).Trim();
                var weight = parameters < 0 ? 1 : Weight(item[(parameters + 1)..]);
                if (coding.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    brotli = weight;
                }
                else if (coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
                {
                    gzip = weight;
                }
                else if (coding.SequenceEqual("*"))
                {
                    any = weight;
                }
            }
        }

        brotli = brotli < 0 ? any : brotli;
        gzip = gzip < 0 ? any : gzip;
        return brotli > 0 && brotli >= gzip ? Brotli
            : gzip > 0 ? Gzip
            : Identity;
    }

    /// <summary>The bytes to send for <paramref name="body"/> in this coding.</summary>
    public ReadOnlyMemory<byte> Encode(ReadOnlyMemory<byte> body)
    {
        if (this == Brotli)
        {
            var compressed = new byte[BrotliEncoder.GetMaxCompressedLength(body.Length)];
            if (!BrotliEncoder.TryCompress(body.Span, compressed, out var written, BrotliQuality, BrotliWindowBits))
            {
                throw new InvalidOperationException("Brotli could not compress the page into its maximum compressed length.");
            }
            return compressed.AsMemory(0, written);
        }
        if (this == Gzip)
        {
            using var compressed = new MemoryStream(body.Length / 3);
            using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                gzip.Write(body.Span);
            }
            return compressed.ToArray();
        }
        return body;
    }

    /// <summary>The <c>q</c> parameter of one Accept-Encoding item (1 when absent, 0 when unreadable: not acceptable).</summary>
    private static double Weight(ReadOnlySpan<char> parameters)
    {
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            if (parameter.Length > 2 && (parameter[0] is 'q' or 'Q') && parameter[1] == '=')
            {
                return double.TryParse(parameter[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) ? q : 0;
            }
        }
        return 1;
    }

    public override string ToString() => Name;
}
