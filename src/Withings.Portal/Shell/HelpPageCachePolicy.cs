using Microsoft.AspNetCore.OutputCaching;

namespace Withings.Portal.Shell;

/// <summary>
/// Caching of help pages (FAQ, topics and their steps, glossary, guides, status codes, their indexes): one rendering
/// per theme and content coding is served to every reader until the content changes, by the portal's output cache and
/// by any reverse proxy or CDN in front of it. Pages opt in with <c>[OutputCache(PolicyName = HelpPageCachePolicy.Name)]</c>;
/// <see cref="SharedHelpPageResponse"/> finishes the responses that may be shared (headers, compression, ETag).
/// </summary>
/// <remarks>
/// With interactive server components enabled, Blazor persists component state on every SSR page, which mints an
/// antiforgery cookie and marks the response <c>no-store</c>; the stock policy then silently refuses to cache. A help
/// page has no island and no form that needs that token, so its endpoint declares no interactive render mode and none
/// is minted for it (<see cref="StaticHelpPageEndpoints"/>), and the response is stored. Anything personal (a signed-in support agent, a reader's own vote) bypasses the cache and
/// is never public.
/// </remarks>
public sealed class HelpPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "HelpPage";

    /// <summary>Evicting this tag refreshes every cached help page (done when a content file changes).</summary>
    public const string ContentTag = "content";

    /// <summary>Cookies whose names start with this hold something about one reader; such requests skip the cache.</summary>
    public const string PersonalCookiePrefix = "portal-me-";

    /// <summary>
    /// What a shared help page tells browsers, proxies and CDNs: anyone may keep it five minutes, so a content edit
    /// reaches every reader at most five minutes after the portal shows it (one more request when a cache refreshes
    /// in the background, and never later than six minutes). For the minute after that a cache may still answer with
    /// its copy while it fetches the new one (<c>stale-while-revalidate</c>), so readers never wait on a refresh, and
    /// for a day it may keep answering with it while the portal is down or restarting (<c>stale-if-error</c>).
    /// Refreshing is cheap: the <c>ETag</c> lets a cache revalidate with a 304.
    /// </summary>
    public const string SharedCacheControl = "public, max-age=300, stale-while-revalidate=60, stale-if-error=86400";

    /// <summary>
    /// The page depends on the coding asked for and on the theme cookie; a reader's own vote cookie also changes it.
    /// <c>Cookie</c> makes browsers fetch the page again after the reader switched themes or voted, instead of showing
    /// their cached copy; a proxy should key on the theme cookie instead (see deploy/nginx).
    /// </summary>
    public const string SharedVary = "Accept-Encoding, Cookie";

    /// <summary>
    /// How long the portal's own cache serves one rendering. Content edits evict it at once; the limit exists because a
    /// replayed page carries <c>Age</c> (seconds since it was rendered), which browsers count against max-age: after a
    /// minute at most, every copy handed out is fresh for at least four of its five minutes.
    /// </summary>
    public static readonly TimeSpan OutputCacheLifetime = TimeSpan.FromMinutes(1);

    private const string CodingVaryKey = "coding";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = AsksForTheSharedPage(http);
        if (!cacheable)
        {
            // A reader's own copy (their vote, a signed-in agent's tools) or the answer to a form: kept by no cache,
            // the reader's own included, since it changes when they act again.
            http.Response.Headers.CacheControl = "no-store";
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = OutputCacheLifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["theme"] = ThemePreference.CacheKey(http);
        context.CacheVaryByRules.VaryByValues[CodingVaryKey] = ContentCoding.Negotiate(http.Request.Headers.AcceptEncoding).Name;
        context.Tags.Add(ContentTag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;

        // Only a finished shared page is stored; anything else (an error, a page that kept a reader's cookie) is not.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0 ||
            response.Headers.CacheControl != SharedCacheControl)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The coding in which this request's response goes into the shared cache, or null when it will not be shared
    /// (not a help page, or a request that bypasses the cache).
    /// </summary>
    public static ContentCoding? SharedCodingFor(HttpContext http) =>
        http.Features.Get<IOutputCacheFeature>()?.Context is { AllowCacheStorage: true } context &&
        context.CacheVaryByRules.VaryByValues.TryGetValue(CodingVaryKey, out var coding)
            ? ContentCoding.FromName(coding)
            : null;

    /// <summary>
    /// Whether this request is for a help page as every anonymous reader gets it: a GET or HEAD of a page under this
    /// policy, with nothing personal in it. Such a page is built from content held in memory and carries neither form
    /// token nor component state, so it needs neither the database nor the key ring (<see cref="StaticHelpPageEndpoints"/>).
    /// </summary>
    public static bool IsSharedHelpPageRequest(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is { PolicyName: Name } && AsksForTheSharedPage(http);

    private static bool AsksForTheSharedPage(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) &&
        !http.Request.Headers.ContainsKey("Authorization") &&
        !HostsInteractiveIslandsAttribute.IsOn(http) &&
        !http.Request.Cookies.Keys.Any(IsPersonal);

    private static bool IsPersonal(string cookieName) =>
        cookieName.StartsWith(PersonalCookiePrefix, StringComparison.Ordinal) ||
        cookieName.StartsWith(".AspNetCore.Identity.", StringComparison.Ordinal);
}
