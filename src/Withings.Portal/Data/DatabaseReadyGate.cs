using Microsoft.AspNetCore.StaticAssets;
using Withings.Portal.Shell;

namespace Withings.Portal.Data;

/// <summary>
/// Holds each request until the database is prepared (<see cref="DatabaseMigrator"/>, asked to begin at once if it was
/// waiting for the portal's first answer), so that no page meets a missing table or key ring. Let through: the
/// liveness probe (it says the process answers, and an orchestrator must not restart a portal that is busy migrating),
/// help pages as every reader gets them, which come from memory and carry no form token
/// (<see cref="HelpPageCachePolicy.IsSharedHelpPageRequest"/>), and the static files they load, so the first reader
/// after a deployment does not wait for the migrations.
/// </summary>
internal sealed class DatabaseReadyGate(RequestDelegate next, DatabaseReadiness database)
{
    public const string NotPreparedMessage = "The portal's database could not be prepared, so the portal is stopping. Try again in a minute.";

    public async Task InvokeAsync(HttpContext context)
    {
        var ready = database.Ready;
        if (!ready.IsCompletedSuccessfully && !NeedsNoDatabase(context))
        {
            await database.PrepareNow().WaitAsync(context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!ready.IsCompletedSuccessfully)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.CacheControl = "no-store";
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(NotPreparedMessage, context.RequestAborted);
                return;
            }
        }
        await next(context);
    }

    private static bool NeedsNoDatabase(HttpContext context) =>
        IsLivenessProbe(context.Request) || IsStaticAsset(context) || HelpPageCachePolicy.IsSharedHelpPageRequest(context);

    /// <summary>Style sheets, scripts and images: without them a help page that was let through would show unstyled.</summary>
    private static bool IsStaticAsset(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;

    private static bool IsLivenessProbe(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Equals(HealthExtensions.LivenessPath, StringComparison.OrdinalIgnoreCase);
}
