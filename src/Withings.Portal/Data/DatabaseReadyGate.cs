namespace Withings.Portal.Data;

/// <summary>
/// Holds each request until the database is prepared (<see cref="DatabaseMigrator"/>, which runs while the host
/// starts), so that no page meets a missing table or key ring. The liveness probe is let through: it says the process
/// answers, and an orchestrator must not restart a portal that is busy migrating.
/// </summary>
internal sealed class DatabaseReadyGate(RequestDelegate next, DatabaseReadiness database)
{
    public const string NotPreparedMessage = "The portal's database could not be prepared, so the portal is stopping. Try again in a minute.";

    public async Task InvokeAsync(HttpContext context)
    {
        var ready = database.Ready;
        if (!ready.IsCompletedSuccessfully && !IsLivenessProbe(context.Request))
        {
            await ready.WaitAsync(context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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

    private static bool IsLivenessProbe(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Equals(HealthExtensions.LivenessPath, StringComparison.OrdinalIgnoreCase);
}
