using Microsoft.AspNetCore.OutputCaching;

namespace Withings.Portal.Shell;

/// <summary>
/// Output caching for help pages (FAQ, topics, glossary, guides, status codes): one rendering is served to
/// every reader until the content changes, which is what makes them about as cheap as a static file.
/// Pages opt in with <c>[OutputCache(PolicyName = HelpPageCachePolicy.Name)]</c>.
/// </summary>
/// <remarks>
/// With interactive server components enabled, Blazor persists component state on every SSR page, which
/// mints an antiforgery cookie and marks the response <c>no-store</c>; the stock policy then silently refuses
/// to cache. A help page has no island and no form that needs that token, so the cookie is dropped and the
/// response stored. Anything personal (a signed-in support agent, a reader's own vote) bypasses the cache.
/// </remarks>
public sealed class HelpPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "HelpPage";

    /// <summary>Evicting this tag refreshes every cached help page (done when a content file changes).</summary>
    public const string ContentTag = "content";

    /// <summary>Cookies whose names start with this hold something about one reader; such requests skip the cache.</summary>
    public const string PersonalCookiePrefix = "portal-me-";

    private const string AntiforgeryCookiePrefix = ".AspNetCore.Antiforgery.";
    private const string IdentityCookiePrefix = ".AspNetCore.Identity.";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) &&
            !http.Request.Headers.ContainsKey("Authorization") &&
            !HostsInteractiveIslandsAttribute.IsOn(http) &&
            !http.Request.Cookies.Keys.Any(IsPersonal);

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromHours(1);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["theme"] = ThemePreference.CacheKey(http);
        context.Tags.Add(ContentTag);
        if (cacheable)
        {
            // The output cache decides to store only after the headers are sent, so they are cleaned here.
            http.Response.OnStarting(DropAntiforgeryCookie, http.Response);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK)
        {
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        // Any cookie left at this point belongs to one reader: such a response is never shared.
        if (response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    private static Task DropAntiforgeryCookie(object state)
    {
        var response = (HttpResponse)state;
        if (response.StatusCode != StatusCodes.Status200OK)
        {
            return Task.CompletedTask;
        }

        var cookies = response.Headers.SetCookie;
        var kept = cookies.Where(c => c is not null && !c.StartsWith(AntiforgeryCookiePrefix, StringComparison.Ordinal)).ToArray();
        if (kept.Length == cookies.Count)
        {
            return Task.CompletedTask;
        }

        response.Headers.SetCookie = kept;
        response.Headers.Remove("Pragma");
        response.Headers.CacheControl = "no-cache";
        return Task.CompletedTask;
    }

    private static bool IsPersonal(string cookieName) =>
        cookieName.StartsWith(PersonalCookiePrefix, StringComparison.Ordinal) ||
        cookieName.StartsWith(IdentityCookiePrefix, StringComparison.Ordinal);
}
