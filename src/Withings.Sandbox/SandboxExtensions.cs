using Microsoft.EntityFrameworkCore;
using Withings.Sandbox;
using Withings.Sandbox.Account;
using Withings.Sandbox.Apps;
using Withings.Sandbox.Data;
using Withings.Sandbox.DemoData;
using Withings.Sandbox.Heart;
using Withings.Sandbox.Measure;
using Withings.Sandbox.Notify;
using Withings.Sandbox.OAuth;
using Withings.Sandbox.Simulate;
using Withings.Sandbox.Sleep;
using Withings.Sandbox.User;
using Withings.Sandbox.Wire;

namespace Microsoft.Extensions.DependencyInjection;

public static class SandboxExtensions
{
    /// <summary>
    /// The Withings API simulator: its database (the host's, or SQLite <c>App_Data/sandbox.db</c> when run alone), its apps,
    /// users and tokens, seeded demo data, and the HEAD checker for notify callbacks. Settings from section <c>Sandbox</c>.
    /// </summary>
    public static IHostApplicationBuilder AddWithingsSandbox(this IHostApplicationBuilder builder, Action<SandboxDatabaseOptions>? database = null)
    {
        var services = builder.Services;
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSandboxDatabase(ResolveDatabase(builder, database));
        services.AddDataProtection();
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }

        services.AddSingleton<SandboxApps>();
        services.AddSingleton<SandboxTokens>();
        services.AddSingleton<SandboxNonces>();
        services.AddSingleton<SandboxRateLimiter>();
        services.AddSingleton<DataCallGate>();
        services.AddSingleton<SandboxDataSource>();
        services.AddSingleton<SandboxUserActions>();
        services.AddSingleton<CallbackChecker>();
        services.AddHttpClient(CallbackChecker.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(5))
            .ConfigurePrimaryHttpMessageHandler(CallbackChecker.CreatePublicOnlyHandler);
        services.AddHostedService<SandboxDatabaseInitializer>();
        return builder;
    }

    /// <summary>
    /// Maps the Withings URL layout under <paramref name="prefix"/> (e.g. "/sandbox" in the portal, "" alone):
    /// <c>{prefix}/account/…</c> = account.withings.com, <c>{prefix}/wbsapi/…</c> = wbsapi.withings.net, plus
    /// <c>{prefix}/dashboard/apps</c> and <c>{prefix}/simulate/…</c>.
    /// </summary>
    public static RouteGroupBuilder MapWithingsSandbox(this IEndpointRouteBuilder endpoints, string prefix = SandboxLayout.PortalMount)
    {
        var root = endpoints.MapGroup(prefix).AddEndpointFilter<SandboxHeadersFilter>().ExcludeFromDescription();
        root.MapAccountEndpoints();
        root.MapDashboardEndpoints();
        root.MapSimulateEndpoints();

        var wbsapi = root.MapGroup(SandboxLayout.Api).AddEndpointFilter<FaultInjectionFilter>().DisableAntiforgery();
        wbsapi.MapTokenEndpoints();
        wbsapi.MapSignatureEndpoints();
        wbsapi.MapMeasureEndpoints();
        wbsapi.MapMeasureV2Endpoints();
        wbsapi.MapSleepEndpoints();
        wbsapi.MapUserEndpoints();
        wbsapi.MapHeartEndpoints();
        wbsapi.MapNotifyEndpoints();
        // Any other service path: "Not implemented", as for an unknown action.
        wbsapi.MapMethods("/{**service}", SandboxRoutes.GetAndPost, () => WithingsReply.NotImplemented());
        return root;
    }

    private static SandboxDatabaseOptions ResolveDatabase(IHostApplicationBuilder builder, Action<SandboxDatabaseOptions>? database)
    {
        var options = builder.Configuration.GetSection($"{SandboxOptions.Section}:Database").Get<SandboxDatabaseOptions>() ?? new SandboxDatabaseOptions();
        options.ConnectionString ??= builder.Configuration.GetConnectionString(SandboxDatabaseOptions.ConnectionStringName);
        database?.Invoke(options);
        if (!options.Provider.Equals("SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            options.Provider = "Sqlite";
            options.ConnectionString = SandboxSqliteFile.Prepare(
                string.IsNullOrWhiteSpace(options.ConnectionString) ? SandboxDatabaseOptions.DefaultSqliteConnectionString : options.ConnectionString,
                builder.Environment.ContentRootPath);
        }
        else if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException(
                "Sandbox:Database:Provider is 'SqlServer' but no connection string was given: set ConnectionStrings:Sandbox " +
                "(or pass the host's database settings to AddWithingsSandbox).");
        }
        return options;
    }

    private static void AddSandboxDatabase(this IServiceCollection services, SandboxDatabaseOptions database)
    {
        if (database.Provider == "Sqlite")
        {
            services.AddDbContextFactory<SqliteSandboxDbContext>(o =>
                o.UseSqlite(database.ConnectionString, sql => sql.MigrationsHistoryTable(SandboxDbContext.MigrationsHistoryTable)));
            services.AddSingleton<IDbContextFactory<SandboxDbContext>, SandboxDbContextFactory<SqliteSandboxDbContext>>();
        }
        else
        {
            services.AddDbContextFactory<SqlServerSandboxDbContext>(o =>
                o.UseSqlServer(database.ConnectionString, sql => sql.MigrationsHistoryTable(SandboxDbContext.MigrationsHistoryTable).EnableRetryOnFailure()));
            services.AddSingleton<IDbContextFactory<SandboxDbContext>, SandboxDbContextFactory<SqlServerSandboxDbContext>>();
        }
    }
}
