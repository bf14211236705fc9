using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Withings.Portal.Operations;

namespace Microsoft.Extensions.DependencyInjection;

public static class HealthExtensions
{
    /// <summary>The tag of the checks <c>/healthz/ready</c> runs; features add their own (e.g. the content's).</summary>
    public const string ReadinessTag = "ready";

    /// <summary>The liveness probe; the readiness probe is below it.</summary>
    public const string LivenessPath = "/healthz";

    public static IHostApplicationBuilder AddPortalHealth(this IHostApplicationBuilder builder)
    {
        // The checks come with their features (the database's in AddPortalData, the content's in AddPortalContent).
        builder.Services.AddHealthChecks();
        return builder;
    }

    /// <summary>
    /// <c>/healthz</c> (liveness): 200 while the process answers at all, no check run, so an orchestrator restarts
    /// only a process that is stuck. <c>/healthz/ready</c> (readiness): 200 when every check tagged
    /// <see cref="ReadinessTag"/> passes (database reachable and migrated, content loaded), 503 otherwise, so a load
    /// balancer sends no traffic yet. Both answer one line per check, never exception text.
    /// </summary>
    public static WebApplication MapPortalHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteReport })
            .DisableHttpMetrics();
        app.MapHealthChecks(LivenessPath + "/ready", new HealthCheckOptions
            {
                Predicate = check => check.Tags.Contains(ReadinessTag),
                ResponseWriter = WriteReport,
            })
            .DisableHttpMetrics();
        return app;
    }

    private static Task WriteReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
