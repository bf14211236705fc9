using Withings.Sandbox;

namespace Withings.Portal.Shell;

/// <summary>
/// Content Security Policy and friends for the portal's own pages. Inline styles are allowed because
/// MudBlazor emits its theme as an inline stylesheet; scripts only come from the portal itself.
/// The embedded Withings sandbox sets its own headers: its consent form must be able to redirect to any
/// partner's callback, which <c>form-action 'self'</c> would block.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (!context.Request.Path.StartsWithSegments(SandboxLayout.PortalMount))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
        }
        return next(context);
    }
}
