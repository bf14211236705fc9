using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Withings.Sandbox.Data;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Data;

public class SandboxDatabaseTests
{
    [Fact]
    public void SqliteMigrationsMatchTheModel()
    {
        using var db = CreateDesignTime<SqliteSandboxDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The sandbox's SQLite migrations lag behind the model. Run: dotnet ef migrations add <Name> --project src/Withings.Sandbox " +
            "--context SqliteSandboxDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void SqlServerMigrationsMatchTheModel()
    {
        using var db = CreateDesignTime<SqlServerSandboxDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The sandbox's SQL Server migrations lag behind the model. Run: dotnet ef migrations add <Name> --project src/Withings.Sandbox " +
            "--context SqlServerSandboxDbContext --output-dir Data/Migrations/SqlServer");
    }

    [Fact]
    public void SqlServerScriptUsesTheSandboxHistoryTableAndPrefixedTables()
    {
        using var db = CreateDesignTime<SqlServerSandboxDbContext>();

        var script = db.GetInfrastructure().GetRequiredService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("__SandboxMigrationsHistory", script);
        Assert.DoesNotContain("__EFMigrationsHistory", script);
        Assert.Contains("CREATE TABLE [SandboxApps]", script);
    }

    [Fact]
    public async Task SecretsAndTokensAreStoredOnlyAsHashes()
    {
        var factory = new SandboxFactory();
        var client = factory.CreateSandboxClient();
        var (access, refresh) = await client.LinkAsync();
        await factory.DisposeAsync();
        SqliteConnection.ClearAllPools();

        var dump = DumpDatabase(Path.Combine(factory.DataFolder.FullName, "sandbox.db"));
        factory.DeleteData();

        Assert.DoesNotContain(access, dump);
        Assert.DoesNotContain(refresh, dump);
        Assert.DoesNotContain(SandboxFactory.DemoSecret, dump);
    }

    [Fact]
    public async Task AppsTokensAndUserDataSurviveARestart()
    {
        var first = new SandboxFactory();
        var client = first.CreateSandboxClient();
        var (access, refresh) = await client.LinkAsync(SimulatedUsers.NoDataUserId);
        await client.Http.PostAsync($"/simulate/users/{SimulatedUsers.NoDataUserId}/weight?kg=70", null);
        await first.DisposeAsync();

        var second = new SandboxFactory(first.DataFolder);
        var again = second.CreateSandboxClient();
        var measures = await again.PostAsync("/wbsapi/measure", access, ("action", "getmeas"));
        var refreshed = await again.RefreshAsync(refresh);
        await second.DisposeAsync();
        second.DeleteData();

        Assert.Equal(1, measures.Body().GetProperty("measuregrps").GetArrayLength());
        Assert.Equal(0, refreshed.Status());
    }

    [Theory]
    [InlineData("Sqlte", "Sandbox:Database:Provider is 'Sqlte', which the sandbox does not support. Use 'Sqlite' (the embedded default) or 'SqlServer'.")]
    [InlineData("SqlServer", "Sandbox:Database:Provider is 'SqlServer' but ConnectionStrings:Sandbox is empty.")]
    public async Task BadDatabaseSettingsStopStartUpWithAMessageNamingTheSetting(string provider, string expected)
    {
        var factory = new SandboxFactory { Settings = { ["Sandbox:Database:Provider"] = provider, ["ConnectionStrings:Sandbox"] = "" } };
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

            Assert.StartsWith(expected, error.Message);
        }
        finally
        {
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }

    private static string DumpDatabase(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        var text = new System.Text.StringBuilder();
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT name FROM sqlite_master WHERE type='table'";
        var names = new List<string>();
        using (var reader = tables.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }
        foreach (var name in names)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{name}\"";
            using var rows = select.ExecuteReader();
            while (rows.Read())
            {
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    text.Append(rows.GetValue(i)).Append('|');
                }
            }
        }
        return text.ToString();
    }

    private static TContext CreateDesignTime<TContext>() where TContext : SandboxDbContext
    {
        var factoryType = typeof(SandboxDbContext).Assembly.GetTypes().Single(t => typeof(IDesignTimeDbContextFactory<TContext>).IsAssignableFrom(t));
        var factory = (IDesignTimeDbContextFactory<TContext>)Activator.CreateInstance(factoryType, nonPublic: true)!;
        return factory.CreateDbContext([]);
    }
}
