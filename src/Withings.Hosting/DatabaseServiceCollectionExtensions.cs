using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Withings.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers the factory of the provider subclass that <paramref name="database"/> names, and
    /// <c>IDbContextFactory&lt;TBase&gt;</c> over it, so the rest of the app never names a provider.
    /// </summary>
    public static IServiceCollection AddProviderDbContextFactory<TBase, TSqliteContext, TSqlServerContext>(
        this IServiceCollection services, ResolvedDatabase database, string? migrationsHistoryTable = null)
        where TBase : DbContext
        where TSqliteContext : TBase
        where TSqlServerContext : TBase
    {
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            services.AddDbContextFactory<TSqlServerContext>(o => ConfigureAtRunTime(o, database, migrationsHistoryTable));
            services.AddSingleton<IDbContextFactory<TBase>, ProviderDbContextFactory<TBase, TSqlServerContext>>();
        }
        else
        {
            services.AddDbContextFactory<TSqliteContext>(o => ConfigureAtRunTime(o, database, migrationsHistoryTable));
            services.AddSingleton<IDbContextFactory<TBase>, ProviderDbContextFactory<TBase, TSqliteContext>>();
        }
        return services;
    }

    /// <remarks>
    /// Without the ignored warning, every <c>MigrateAsync</c> builds the design-time model and the snapshot's model and
    /// compares them, to warn about a model change without its migration: about half of what <c>MigrateAsync</c> took
    /// at start-up (docs/PERFORMANCE.md, start-up third round). A missing migration is caught before it ships instead, by
    /// the tests that call <c>HasPendingModelChanges()</c> for each context and provider; <c>dotnet ef</c> (the
    /// design-time factory) still warns.
    /// </remarks>
    private static void ConfigureAtRunTime(DbContextOptionsBuilder options, ResolvedDatabase database, string? migrationsHistoryTable) =>
        options.UseDatabase(database, migrationsHistoryTable)
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
}
