using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Withings.Hosting;
using Withings.Portal.Data;
using Withings.Portal.Operations;

namespace Microsoft.Extensions.DependencyInjection;

public static class PortalDataExtensions
{
    /// <summary>
    /// The portal database (SQLite by default, SQL Server by configuration), created and migrated at start-up,
    /// and the Data Protection key ring stored in it so that every instance behind a load balancer shares keys,
    /// encrypted at rest with a certificate when one is configured (<see cref="KeyRingCertificateOptions"/>).
    /// </summary>
    public static IHostApplicationBuilder AddPortalData(this IHostApplicationBuilder builder)
    {
        var database = DatabaseOptions.Resolve(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Properties[typeof(ResolvedDatabase)] = database;
        var services = builder.Services;

        services.AddProviderDbContextFactory<PortalDbContext, SqlitePortalDbContext, SqlServerPortalDbContext>(database);
        // Data Protection and Identity resolve the context from a request scope; components use the factory.
        services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());

        services.AddSingleton<DatabaseReadiness>();
        services.AddHostedService<DatabaseMigrator>();
        services.AddFirstAnswer();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthExtensions.ReadinessTag]);
        var keyRing = services.AddDataProtection()
            .SetApplicationName("Withings.Portal")
            .PersistKeysToDbContext<PortalDbContext>();
        // Data Protection's start-up service reads the key ring as the host starts, before the migrator (which runs
        // beside the start) has created the key table; the migrator loads the ring itself once the table exists. Removed
        // as the container is built: later features (Razor components, Identity) add it again when they add Data Protection.
        var development = builder.Environment.IsDevelopment();
        var providerOptions = new ServiceProviderOptions { ValidateScopes = development, ValidateOnBuild = development };
        builder.ConfigureContainer(new DefaultServiceProviderFactory(providerOptions), container =>
        {
            foreach (var keyRingLoader in container.Where(IsDataProtectionStartupService).ToList())
            {
                container.Remove(keyRingLoader);
            }
        });
        services.AddOptions<KeyRingCertificateOptions>().BindConfiguration(KeyRingCertificateOptions.Section)
            .Validate(o => o.AreValid(), "DataProtection:Certificate: give either Path (a PFX file with its private key) and " +
                "Password, or the Thumbprint of a certificate with its private key in the CurrentUser or LocalMachine My store; " +
                "the one configured cannot be read.")
            .ValidateOnStart();
        // Read here because Data Protection takes the certificate itself; a bad setting is reported by the validation above.
        var certificate = builder.Configuration.GetSection(KeyRingCertificateOptions.Section).Get<KeyRingCertificateOptions>();
        if (certificate is { IsConfigured: true } && certificate.AreValid())
        {
            keyRing.ProtectKeysWithCertificate(certificate.Certificate!);
        }
        return builder;
    }

    /// <summary>Runs <paramref name="step"/> on the singleton <typeparamref name="T"/> once the database is migrated, before requests are taken.</summary>
    public static IServiceCollection AfterDatabaseMigration<T>(this IServiceCollection services, Func<T, CancellationToken, Task> step)
        where T : notnull =>
        services.AddSingleton(new AfterMigration(typeof(T).Name, (provider, cancellationToken) => step(provider.GetRequiredService<T>(), cancellationToken)));

    /// <summary>Requests wait until the database is prepared (first in the pipeline, so nothing before it touches the database).</summary>
    public static WebApplication UsePortalData(this WebApplication app)
    {
        app.UseMiddleware<DatabaseReadyGate>();
        return app;
    }

    private static bool IsDataProtectionStartupService(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(IHostedService)
        && descriptor.ImplementationType?.Assembly == typeof(DataProtectionOptions).Assembly;

    /// <summary>The database the portal uses, for features that keep their own tables in it (e.g. the sandbox).</summary>
    public static ResolvedDatabase PortalDatabase(this IHostApplicationBuilder builder) =>
        builder.Properties.TryGetValue(typeof(ResolvedDatabase), out var database)
            ? (ResolvedDatabase)database
            : throw new InvalidOperationException("Call AddPortalData() before the features that share its database.");
}
