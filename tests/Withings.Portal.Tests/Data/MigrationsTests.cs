using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Data;

namespace Withings.Portal.Tests.Data;

/// <summary>Both migration sets must describe the current model; a forgotten `dotnet ef migrations add` fails here.</summary>
public class MigrationsTests
{
    [Fact]
    public void SqliteMigrationsMatchTheModel()
    {
        using var db = CreateDesignTime<SqlitePortalDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The SQLite migrations lag behind the model. Run: dotnet ef migrations add <Name> --project src/Withings.Portal " +
            "--context SqlitePortalDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void SqlServerMigrationsMatchTheModel()
    {
        using var db = CreateDesignTime<SqlServerPortalDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The SQL Server migrations lag behind the model. Run: dotnet ef migrations add <Name> --project src/Withings.Portal " +
            "--context SqlServerPortalDbContext --output-dir Data/Migrations/SqlServer");
    }

    [Fact]
    public void BothProvidersHaveTheSameMigrations()
    {
        using var sqlite = CreateDesignTime<SqlitePortalDbContext>();
        using var sqlServer = CreateDesignTime<SqlServerPortalDbContext>();

        Assert.Equal(MigrationNames(sqlite), MigrationNames(sqlServer));
    }

    [Fact]
    public void SqlServerScriptIsGeneratedWithoutAServer()
    {
        using var db = CreateDesignTime<SqlServerPortalDbContext>();

        var script = db.GetInfrastructure().GetRequiredService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script);
        Assert.Contains("__EFMigrationsHistory", script);
    }

    [Fact]
    public void EveryMigrationIsInItsProvidersFolder()
    {
        using var sqlite = CreateDesignTime<SqlitePortalDbContext>();
        using var sqlServer = CreateDesignTime<SqlServerPortalDbContext>();

        Assert.All(sqlite.GetService<IMigrationsAssembly>().Migrations.Values,
            type => Assert.EndsWith(".Migrations.Sqlite", type.Namespace));
        Assert.All(sqlServer.GetService<IMigrationsAssembly>().Migrations.Values,
            type => Assert.EndsWith(".Migrations.SqlServer", type.Namespace));
    }

    private static IEnumerable<string> MigrationNames(DbContext db) =>
        db.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]);

    private static TContext CreateDesignTime<TContext>() where TContext : PortalDbContext
    {
        var factoryType = typeof(PortalDbContext).Assembly.GetTypes()
            .Single(t => typeof(IDesignTimeDbContextFactory<TContext>).IsAssignableFrom(t));
        var factory = (IDesignTimeDbContextFactory<TContext>)Activator.CreateInstance(factoryType, nonPublic: true)!;
        return factory.CreateDbContext([]);
    }
}
