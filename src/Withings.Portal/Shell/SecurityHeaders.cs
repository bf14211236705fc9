using Withings.Sandbox;
using Withings.Sandbox.Wire;

namespace Withings.Portal.Shell;

/// <summary>
/// Content Security Policy and friends on every response the portal sends: pages, APIs, error pages, replays from the
/// output cache and the embedded sandbox. Inline styles are allowed because MudBlazor emits its theme as an inline
/// stylesheet; scripts only come from the portal itself (no <c>unsafe-eval</c>, no inline script).
/// </summary>
/// <remarks>
/// Set when the response starts rather than on the way in: the exception handler clears the headers of a failed
/// request before it renders the error page, and what is set here must survive that. Under <c>/sandbox</c> the
/// sandbox's own policy applies (its consent form is redirected to any partner's callback, which
/// <c>form-action 'self'</c> would block); the portal only fills it in where an answer came from outside the sandbox's
/// endpoints (its 404s, errors).
/// </remarks>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            if (http.Request.Path.StartsWithSegments(SandboxLayout.PortalMount))
            {
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                {
                    headers.ContentSecurityPolicy = SandboxHeadersFilter.ContentSecurityPolicy;
                }
                if (string.IsNullOrEmpty(headers["Referrer-Policy"]))
                {
                    headers["Referrer-Policy"] = "no-referrer";
                }
            }
            else
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
            }
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
