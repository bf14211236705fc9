using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Withings.Hosting.Tests;

public sealed class ProviderDbContextFactoryTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, typeof(SqliteNotesContext), "Microsoft.EntityFrameworkCore.Sqlite")]
    [InlineData(DatabaseProvider.SqlServer, typeof(SqlServerNotesContext), "Microsoft.EntityFrameworkCore.SqlServer")]
    public async Task TheBaseContextIsCreatedAsTheSubclassOfTheConfiguredProvider(DatabaseProvider provider, Type expected, string providerName)
    {
        await using var services = new ServiceCollection()
            .AddProviderDbContextFactory<NotesContext, SqliteNotesContext, SqlServerNotesContext>(
                new ResolvedDatabase(provider, "Data Source=:memory:"), "__NotesHistory")
            .BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<NotesContext>>();

        await using var created = factory.CreateDbContext();
        await using var createdAsync = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);

        Assert.IsType(expected, created);
        Assert.IsType(expected, createdAsync);
        Assert.Equal(providerName, created.Database.ProviderName);
        Assert.Equal("__NotesHistory", HistoryTable(created));
    }

    [Fact]
    public void WithoutAHistoryTableEfCoresDefaultIsKept()
    {
        using var services = new ServiceCollection()
            .AddProviderDbContextFactory<NotesContext, SqliteNotesContext, SqlServerNotesContext>(
                new ResolvedDatabase(DatabaseProvider.Sqlite, "Data Source=:memory:"))
            .BuildServiceProvider();

        using var db = services.GetRequiredService<IDbContextFactory<NotesContext>>().CreateDbContext();

        Assert.Null(HistoryTable(db));
    }

    [Theory]
    [InlineData(typeof(SqliteNotesDesignTimeFactory), "Microsoft.EntityFrameworkCore.Sqlite")]
    [InlineData(typeof(SqlServerNotesDesignTimeFactory), "Microsoft.EntityFrameworkCore.SqlServer")]
    public void ADesignTimeFactoryIsAOneLinerThatNeedsNoDatabase(Type factoryType, string providerName)
    {
        var factory = (Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<DbContext>)Activator.CreateInstance(factoryType)!;

        using var db = factory.CreateDbContext([]);

        Assert.Equal(providerName, db.Database.ProviderName);
        Assert.Equal("__NotesHistory", HistoryTable(db));
        Assert.False(File.Exists("design-time.db"));
    }

    private static string? HistoryTable(DbContext db) =>
        RelationalOptionsExtension.Extract(db.GetService<IDbContextOptions>()).MigrationsHistoryTableName;

    public abstract class NotesContext(DbContextOptions options) : DbContext(options);

    public sealed class SqliteNotesContext(DbContextOptions<SqliteNotesContext> options) : NotesContext(options);

    public sealed class SqlServerNotesContext(DbContextOptions<SqlServerNotesContext> options) : NotesContext(options);

    private sealed class SqliteNotesDesignTimeFactory()
        : DesignTimeDbContextFactory<SqliteNotesContext>(DatabaseProvider.Sqlite, options => new(options), "__NotesHistory");

    private sealed class SqlServerNotesDesignTimeFactory()
        : DesignTimeDbContextFactory<SqlServerNotesContext>(DatabaseProvider.SqlServer, options => new(options), "__NotesHistory");
}
