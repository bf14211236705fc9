using Microsoft.EntityFrameworkCore;
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
            services.AddDbContextFactory<TSqlServerContext>(o => o.UseDatabase(database, migrationsHistoryTable));
            services.AddSingleton<IDbContextFactory<TBase>, ProviderDbContextFactory<TBase, TSqlServerContext>>();
        }
        else
        {
            services.AddDbContextFactory<TSqliteContext>(o => o.UseDatabase(database, migrationsHistoryTable));
            services.AddSingleton<IDbContextFactory<TBase>, ProviderDbContextFactory<TBase, TSqliteContext>>();
        }
        return services;
    }
}
