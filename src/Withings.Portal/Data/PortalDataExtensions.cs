using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Withings.Hosting;
using Withings.Portal.Data;

namespace Microsoft.Extensions.DependencyInjection;

public static class PortalDataExtensions
{
    /// <summary>
    /// The portal database (SQLite by default, SQL Server by configuration), created and migrated at start-up,
    /// and the Data Protection key ring stored in it so that every instance behind a load balancer shares keys.
    /// </summary>
    public static IHostApplicationBuilder AddPortalData(this IHostApplicationBuilder builder)
    {
        var database = DatabaseOptions.Resolve(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Properties[typeof(ResolvedDatabase)] = database;
        var services = builder.Services;

        services.AddProviderDbContextFactory<PortalDbContext, SqlitePortalDbContext, SqlServerPortalDbContext>(database);
        // Data Protection and Identity resolve the context from a request scope; components use the factory.
        services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());

        services.AddHostedService<DatabaseMigrator>();
        services.AddDataProtection()
            .SetApplicationName("Withings.Portal")
            .PersistKeysToDbContext<PortalDbContext>();
        return builder;
    }

    /// <summary>The database the portal uses, for features that keep their own tables in it (e.g. the sandbox).</summary>
    public static ResolvedDatabase PortalDatabase(this IHostApplicationBuilder builder) =>
        builder.Properties.TryGetValue(typeof(ResolvedDatabase), out var database)
            ? (ResolvedDatabase)database
            : throw new InvalidOperationException("Call AddPortalData() before the features that share its database.");
}
