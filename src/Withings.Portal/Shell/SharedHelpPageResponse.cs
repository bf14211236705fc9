using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Withings.Portal.Shell;

/// <summary>
/// Finishes a help page that goes into the shared cache, between the output cache and the page: the rendered HTML is
/// held back until it is complete, cleaned of what Blazor adds for one visitor, compressed in the coding the reader
/// accepts, and given its public headers and a strong <c>ETag</c> (a hash of the bytes sent). The output cache stores
/// the result, so compression and hashing happen once per page, theme and coding, never per request; the output cache
/// also answers <c>If-None-Match</c> with a 304 from that stored <c>ETag</c>.
/// </summary>
/// <remarks>
/// Only responses that are the same for every reader are compressed. A compressed response that mixes a secret with
/// text an attacker chooses leaks the secret through its length (BREACH); shared help pages carry no secret (the
/// antiforgery cookie and token are removed here), while pages that do (interactive islands, cases, a reader's own
/// vote) never come through here and are sent uncompressed.
/// </remarks>
public sealed class SharedHelpPageResponse(RequestDelegate next)
{
    private const string AntiforgeryCookiePrefix = ".AspNetCore.Antiforgery.";

    /// <summary>
    /// Blazor appends persisted component state to a server-rendered page, encrypted afresh on each rendering. Help pages
    /// declare no interactive render mode, so they get none (<see cref="StaticHelpPageEndpoints"/>); should a future
    /// page under this policy get some, it would tie the cached bytes to one rendering and change the ETag each time,
    /// and a page without islands never reads it: so it is still left out.
    /// </summary>
    private static readonly byte[] ComponentStateStart = Encoding.UTF8.GetBytes("<!--Blazor-Server-Component-State:");
    private static readonly byte[] CommentEnd = Encoding.UTF8.GetBytes("-->");

    public async Task InvokeAsync(HttpContext context)
    {
        if (HelpPageCachePolicy.SharedCodingFor(context) is not { } coding)
        {
            await next(context);
            return;
        }

        var cacheBody = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var rendered = new MemoryStream();
        // Holding the body also holds the headers: nothing reaches the output cache (which takes its copy of the
        // headers on the first write) until they are final.
        var held = new StreamResponseBodyFeature(rendered);
        context.Features.Set<IHttpResponseBodyFeature>(held);
        try
        {
            await next(context);
            await held.CompleteAsync();
        }
        finally
        {
            context.Features.Set(cacheBody);
        }

        ReadOnlyMemory<byte> body = rendered.GetBuffer().AsMemory(0, (int)rendered.Length);
        if (IsTheSameForEveryReader(context.Response))
        {
            body = Share(context.Response, body, coding);
        }
        if (!body.IsEmpty)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>A complete HTML page whose only cookie is Blazor's antiforgery cookie, which a help page never needs.</summary>
    private static bool IsTheSameForEveryReader(HttpResponse response) =>
        response.StatusCode == StatusCodes.Status200OK &&
        response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true &&
        response.Headers.SetCookie.All(c => c?.StartsWith(AntiforgeryCookiePrefix, StringComparison.Ordinal) == true);

    private static ReadOnlyMemory<byte> Share(HttpResponse response, ReadOnlyMemory<byte> html, ContentCoding coding)
    {
        var headers = response.Headers;
        headers.Remove(HeaderNames.SetCookie);
        headers.Remove(HeaderNames.Pragma);
        headers.CacheControl = HelpPageCachePolicy.SharedCacheControl;
        headers.Vary = HelpPageCachePolicy.SharedVary;

        var sent = coding.Encode(WithoutComponentState(html));
        if (coding != ContentCoding.Identity)
        {
            headers.ContentEncoding = coding.Name;
        }
        headers.ETag = StrongETag(sent.Span);
        response.ContentLength = sent.Length;
        return sent;
    }

    private static ReadOnlyMemory<byte> WithoutComponentState(ReadOnlyMemory<byte> html)
    {
        var start = html.Span.IndexOf(ComponentStateStart);
        if (start < 0)
        {
            return html;
        }
        var length = html.Span[start..].IndexOf(CommentEnd);
        if (length < 0)
        {
            return html;
        }
        var end = start + length + CommentEnd.Length;
        var kept = new byte[html.Length - (end - start)];
        html.Span[..start].CopyTo(kept);
        html.Span[end..].CopyTo(kept.AsSpan(start));
        return kept;
    }

    /// <summary>128 bits of SHA-256 over the bytes sent: equal bytes give equal tags on every instance, and each coding has its own.</summary>
    private static string StrongETag(ReadOnlySpan<byte> sent)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(sent, hash);
        return $"\"{Base64Url.EncodeToString(hash[..16])}\"";
    }
}
