using Microsoft.AspNetCore.Http.Metadata;

namespace Withings.Sandbox.Wire;

/// <summary>
/// The sandbox answers every address under its base itself, in JSON, and keeps a host's status-code pages out of its
/// answers. Inside the portal, an empty 400 or 404 from under <c>/sandbox</c> was re-executed as the portal's HTML
/// not-found page (for a POST, as the "takes only its own form" 415), which told an integrator sending JSON to send a form.
/// </summary>
internal static class UnknownAddresses
{
    /// <summary>
    /// Endpoint metadata: the host's status-code pages leave a sandbox answer as it is (the sandbox's own bodies are never
    /// empty, and an empty one is still not the host's page to give).
    /// </summary>
    public sealed class KeepHostStatusPagesOut : ISkipStatusCodePagesMetadata;

    /// <summary>
    /// Any address or method under the base that no endpoint takes: 404 with the addresses there are. Order 1, so every
    /// other sandbox endpoint (the wbsapi and account catch-alls included) comes first for the methods it takes.
    /// </summary>
    public static void MapUnknownAddresses(this RouteGroupBuilder root) =>
        root.Map("/{**rest}", (HttpContext http) =>
        {
            var path = (http.Request.PathBase + http.Request.Path).Value ?? "";
            var rest = http.GetRouteValue("rest") as string ?? "";
            var sandboxBase = path[..Math.Max(0, path.Length - rest.Length)].TrimEnd('/');
            return Results.Json(new
            {
                message = $"The sandbox has no {http.Request.Method} {path}. Its addresses: GET or POST {sandboxBase}/account/oauth2_user/authorize2, " +
                          $"GET or POST {sandboxBase}/wbsapi/<service> (e.g. {sandboxBase}/wbsapi/v2/oauth2), GET or POST {sandboxBase}/dashboard/apps, GET {sandboxBase}/dashboard/apps/<client_id>, " +
                          $"POST {sandboxBase}/simulate/users/<userid>/<action> (see the sandbox's README).",
            }, statusCode: StatusCodes.Status404NotFound);
        }).WithOrder(1);
}
