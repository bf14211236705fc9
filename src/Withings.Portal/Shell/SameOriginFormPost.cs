namespace Withings.Portal.Shell;

/// <summary>
/// Cross-site request forgery defence for the few form posts that carry no antiforgery token (theme,
/// page feedback) so that the pages holding them can be cached for everyone. Browsers mark every request
/// with <c>Sec-Fetch-Site</c> and, on POST, <c>Origin</c>; a post coming from another site is refused.
/// </summary>
public sealed class SameOriginFormPost : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        IsCrossSite(context.HttpContext.Request)
            ? ValueTask.FromResult<object?>(TypedResults.Problem(
                "This form can only be posted from the portal's own pages.", statusCode: StatusCodes.Status403Forbidden))
            : next(context);

    /// <summary>The same test for a form post handled by a page rather than an endpoint.</summary>
    public static bool IsCrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();

        // Modern browsers say it outright; older ones only send Origin, which is compared with our host.
        return fetchSite.Length > 0
            ? fetchSite is "cross-site" or "same-site"
            : origin.Length > 0 && origin != "null" &&
              !(Uri.TryCreate(origin, UriKind.Absolute, out var originUri) &&
                string.Equals(originUri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
