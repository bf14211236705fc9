namespace Withings.Sandbox.Wire;

/// <summary>
/// The sandbox's own security headers (the portal skips its CSP under /sandbox). No <c>form-action</c>: the consent
/// form posts and is then redirected to any partner's callback. Nothing may frame the consent page, and no answer is cached
/// (codes and tokens travel in them).
/// </summary>
public sealed class SandboxHeadersFilter : IEndpointFilter
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return next(context);
    }
}
