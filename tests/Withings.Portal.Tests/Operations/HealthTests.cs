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
    [Fact]
    public async Task HealthzReportsTheDatabaseHealthy()
    {
        var response = await fixture.Portal.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task DatabaseThatCannotBeOpenedIsUnhealthy()
    {
        var check = new DatabaseHealthCheck(new UnreachableDatabase());

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The database cannot be reached.", result.Description);
    }

    private sealed class UnreachableDatabase : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() =>
            new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>()
                .UseSqlite("Data Source=/proc/no-such-folder/portal.db;Mode=ReadOnly").Options);
    }
}
