using Microsoft.AspNetCore.Routing;

namespace Withings.Portal.Shell;

/// <summary>
/// A bare error status under <c>/api</c> (an address with no endpoint, a method the endpoint does not take) becomes
/// problem+json saying what to do, as the endpoints' own errors are. Left to the status-code pages, it was re-executed
/// as the portal's HTML not-found page, which told a developer checking <c>GET /api/diagnose</c> that it did not exist.
/// Placed inside the status-code pages: the body written here keeps them from replacing it.
/// </summary>
public sealed class ApiStatusCodeAnswers(RequestDelegate next, EndpointDataSource endpoints)
{
    public const string PathPrefix = "/api";

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var response = context.Response;
        if (response.StatusCode < 400 || response.HasStarted || response.ContentLength > 0 || response.ContentType is not null ||
            !context.Request.Path.StartsWithSegments(PathPrefix))
        {
            return;
        }
        var path = context.Request.Path.Value!;
        // Routing's own answer mixes in the static-asset fallback (a GET of any file name): its Allow header offered GET
        // for /api/diagnose, and a GET there could end as 404. The API's routes are literal, so they are asked directly.
        var allowed = MethodsAt(path);
        if (allowed.Count > 0 && response.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed)
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = string.Join(", ", allowed);
        }
        var (title, detail) = response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ("Not found",
                $"There is no API at {path}. The portal's API is POST {Troubleshooting.Api.DiagnoseEndpoint.Route}, described at /openapi/v1.json."),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed",
                $"{path} does not take {context.Request.Method}; it takes {response.Headers.Allow}."),
            _ => (Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(response.StatusCode),
                $"The request to {path} was refused ({response.StatusCode})."),
        };
        await TypedResults.Problem(detail, statusCode: response.StatusCode, title: title).ExecuteAsync(context);
    }

    private List<string> MethodsAt(string path) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => string.Equals(e.RoutePattern.RawText, path, StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
