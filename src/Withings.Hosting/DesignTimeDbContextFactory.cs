using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Withings.Hosting;

/// <summary>
/// What <c>dotnet ef</c> uses instead of starting the app, so generating migrations or scripts never needs a database:
/// the connection strings below are never opened. An app declares one subclass per provider context, e.g.
/// <c>internal sealed class SqliteXFactory() : DesignTimeDbContextFactory&lt;SqliteX&gt;(DatabaseProvider.Sqlite, o =&gt; new(o));</c>
/// </summary>
public abstract class DesignTimeDbContextFactory<TContext>(
    DatabaseProvider provider, Func<DbContextOptions<TContext>, TContext> create, string? migrationsHistoryTable = null)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public const string SqliteConnectionString = "Data Source=design-time.db";
    public const string SqlServerConnectionString = "Server=(local);Database=WithingsDesignTime;Trusted_Connection=True;TrustServerCertificate=True";

    public TContext CreateDbContext(string[] args)
    {
        var database = new ResolvedDatabase(provider, provider == DatabaseProvider.SqlServer ? SqlServerConnectionString : SqliteConnectionString);
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseDatabase(database, migrationsHistoryTable);
        return create(options.Options);
    }
}
