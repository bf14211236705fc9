using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Withings.Portal.Data;
using Withings.Portal.Operations;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Operations;

public class HealthTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadinessReportsDatabaseAndContentHealthy()
    {
        var response = await fixture.Portal.CreateClient().GetAsync("/healthz/ready", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("content").GetProperty("status").GetString());
        // Every member in the same case, so monitoring reads them all the same way.
        Assert.EndsWith("pages loaded.", checks.GetProperty("content").GetProperty("description").GetString());
    }

    [Fact]
    public async Task LivenessRunsNoCheck()
    {
        var response = await fixture.Portal.CreateClient().GetAsync("/healthz", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Empty(json.RootElement.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task DatabaseThatCannotBeOpenedIsUnhealthy()
    {
        var check = new DatabaseHealthCheck(new Database("Data Source=/proc/no-such-folder/portal.db;Mode=ReadOnly"));

        var result = await check.CheckHealthAsync(new HealthCheckContext(), Cancel);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The database cannot be reached.", result.Description);
    }

    [Fact]
    public async Task DatabaseWithMigrationsStillToApplyIsNotReady()
    {
        var folder = Directory.CreateTempSubdirectory("portal-health-");
        try
        {
            var empty = Path.Combine(folder.FullName, "empty.db");
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={empty}"))
            {
                await connection.OpenAsync(Cancel);
            }
            var check = new DatabaseHealthCheck(new Database($"Data Source={empty}"));

            var result = await check.CheckHealthAsync(new HealthCheckContext(), Cancel);

            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Contains("migrations still to apply", result.Description);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private sealed class Database(string connectionString) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() =>
            new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(connectionString).Options);
    }
}
