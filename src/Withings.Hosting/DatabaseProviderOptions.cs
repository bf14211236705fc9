using Microsoft.EntityFrameworkCore;

namespace Withings.Hosting;

/// <summary>One way to point a DbContext at its provider, for the running app and for <c>dotnet ef</c> alike.</summary>
public static class DatabaseProviderOptions
{
    /// <param name="migrationsHistoryTable">Null for EF's default; the sandbox keeps its own so it can share the portal's database.</param>
    public static DbContextOptionsBuilder UseDatabase(this DbContextOptionsBuilder options, ResolvedDatabase database, string? migrationsHistoryTable = null) =>
        database.Provider switch
        {
            DatabaseProvider.SqlServer => options.UseSqlServer(database.ConnectionString, sql =>
            {
                sql.EnableRetryOnFailure();
                if (migrationsHistoryTable is not null)
                {
                    sql.MigrationsHistoryTable(migrationsHistoryTable);
                }
            }),
            _ => options.UseSqlite(database.ConnectionString, sqlite =>
            {
                if (migrationsHistoryTable is not null)
                {
                    sqlite.MigrationsHistoryTable(migrationsHistoryTable);
                }
            }),
        };
}
