using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Data;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Data;

public class DatabaseLifecycleTests
{
    [Fact]
    public async Task FirstRunCreatesAndMigratesTheSqliteFile()
    {
        await using var portal = new PortalFactory();
        try
        {
            var response = await portal.CreateClient().GetAsync("/healthz/ready", TestContext.Current.CancellationToken);

            response.EnsureSuccessStatusCode();
            Assert.True(File.Exists(portal.DatabasePath));
            await using var db = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            portal.DeleteData();
        }
    }

    [Fact]
    public async Task RestartKeepsTheDataProtectionKeys()
    {
        var folder = Directory.CreateTempSubdirectory("portal-tests-");
        List<string> keysBefore;
        await using (var first = new PortalFactory(folder))
        {
            // Rendering a page mints an antiforgery token, which creates the first key.
            await first.CreateClient().GetAsync("/not-found", TestContext.Current.CancellationToken);
            keysBefore = await FriendlyKeyNames(first);
        }

        await using var second = new PortalFactory(folder);
        try
        {
            await second.CreateClient().GetAsync("/not-found", TestContext.Current.CancellationToken);

            Assert.NotEmpty(keysBefore);
            Assert.Equal(keysBefore, await FriendlyKeyNames(second));
        }
        finally
        {
            second.DeleteData();
        }
    }

    [Fact]
    public async Task DeletedDatabaseIsRecreatedOnRestart()
    {
        var folder = Directory.CreateTempSubdirectory("portal-tests-");
        await using (var first = new PortalFactory(folder))
        {
            await first.CreateClient().GetAsync("/healthz/ready", TestContext.Current.CancellationToken);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(Path.Combine(folder.FullName, "portal.db"));

        await using var second = new PortalFactory(folder);
        try
        {
            var response = await second.CreateClient().GetAsync("/healthz/ready", TestContext.Current.CancellationToken);

            response.EnsureSuccessStatusCode();
            Assert.True(File.Exists(second.DatabasePath));
        }
        finally
        {
            second.DeleteData();
        }
    }

    [Theory]
    [InlineData("Database:Provider", "Oracle", "'Oracle'")]
    [InlineData("Database:Provider", "SqlServer", "ConnectionStrings:Portal")]
    public async Task BadDatabaseSettingsStopStartupWithAClearMessage(string key, string value, string expected)
    {
        await using var portal = new PortalFactory { Settings = { [key] = value, ["ConnectionStrings:Portal"] = value == "SqlServer" ? "" : null } };
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());

            Assert.Contains(expected, error.Message);
        }
        finally
        {
            portal.DeleteData();
        }
    }

    private static async Task<List<string>> FriendlyKeyNames(PortalFactory portal)
    {
        await using var db = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        return await db.DataProtectionKeys.Select(k => k.FriendlyName!).OrderBy(n => n).ToListAsync(TestContext.Current.CancellationToken);
    }
}
