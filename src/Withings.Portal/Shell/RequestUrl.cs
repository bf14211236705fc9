using Microsoft.AspNetCore.Diagnostics;

namespace Withings.Portal.Shell;

public static class RequestUrl
{
    /// <summary>
    /// The portal's origin as this request reached it (scheme, host, path base), for links that leave the page: the
    /// sitemap, canonical links, links people copy, the diagnose API's absolute URLs. Forwarded headers from trusted
    /// proxies have been applied by then, so behind a proxy that terminates HTTPS this is the https origin.
    /// </summary>
    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>
    /// The path and query the reader asked for. On the not-found and error pages (re-executed by the status-code
    /// and exception middleware) the request's own path is <c>/not-found</c>, which is not where the reader is.
    /// </summary>
    public static string PathAndQuery(HttpContext? context)
    {
        if (context is null)
        {
            return "/";
        }
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted)
        {
            return $"{reExecuted.OriginalPathBase}{reExecuted.OriginalPath}{reExecuted.OriginalQueryString}";
        }
        if (context.Features.Get<IExceptionHandlerPathFeature>() is { } failed)
        {
            return failed.Path;
        }
        return $"{context.Request.PathBase}{context.Request.Path}{WithoutSecrets(context.Request.Query)}";
    }

    /// <summary>
    /// The query without parameters that carry secrets (an OAuth callback's <c>code</c>, tokens): pages echo their own
    /// URL (skip link, theme form), and a secret must not reach the HTML.
    /// </summary>
    internal static string WithoutSecrets(IQueryCollection query)
    {
        if (query.Count == 0)
        {
            return "";
        }
        var kept = query.Where(pair => !Withings.Client.SecretRedactor.IsSecretName(pair.Key))
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)));
        return QueryString.Create(kept).ToString();
    }
}
