using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Withings.Portal.Data;

/// <summary>Readiness: the database answers and every migration is applied.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<PortalDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }
            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            // Not ready: the pages that write would fail on the missing tables or columns.
            return pending.Any()
                ? HealthCheckResult.Unhealthy("The database is reachable but has migrations still to apply.")
                : HealthCheckResult.Healthy($"{db.Database.ProviderName} reachable and up to date.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", ex);
        }
    }
}
