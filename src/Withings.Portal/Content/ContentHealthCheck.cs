using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Withings.Portal.Content;

/// <summary>Readiness: the help content is loaded (a portal without it would answer every help page with 404).</summary>
internal sealed class ContentHealthCheck(ContentStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = store.Current;
        return Task.FromResult(snapshot.Pages.Count == 0
            ? HealthCheckResult.Unhealthy($"No help content is loaded from {snapshot.Root}.")
            : HealthCheckResult.Healthy($"{snapshot.Pages.Count} pages loaded."));
    }
}
