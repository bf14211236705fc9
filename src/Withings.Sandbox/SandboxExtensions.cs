using Microsoft.Extensions.DependencyInjection.Extensions;
using Withings.Hosting;
using Withings.Sandbox;
using Withings.Sandbox.Account;
using Withings.Sandbox.Apps;
using Withings.Sandbox.Data;
using Withings.Sandbox.DataCalls;
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
    /// The Withings API simulator: its database, its apps, users and tokens, seeded demo data, and the HEAD checker for
    /// notify callbacks. Settings from section <c>Sandbox</c>.
    /// </summary>
    /// <param name="hostDatabase">
    /// The host's database, whose tables the sandbox shares (the portal passes its own). Without it, the sandbox reads
    /// <c>Sandbox:Database:Provider</c> and <c>ConnectionStrings:Sandbox</c> (SQLite <c>App_Data/sandbox.db</c> by default).
    /// </param>
    public static IHostApplicationBuilder AddWithingsSandbox(this IHostApplicationBuilder builder, ResolvedDatabase? hostDatabase = null)
    {
        var services = builder.Services;
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var database = hostDatabase ?? SandboxDatabase.Settings.Resolve(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddProviderDbContextFactory<SandboxDbContext, SqliteSandboxDbContext, SqlServerSandboxDbContext>(
            database, SandboxDbContext.MigrationsHistoryTable);
        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<SandboxApps>();
        services.AddSingleton<SandboxTokens>();
        services.AddSingleton<SandboxNonces>();
        services.AddSingleton<SandboxRateLimiter>();
        services.AddSingleton<DataCallGate>();
        services.AddSingleton<SandboxDataSource>();
        services.AddSingleton<SandboxUserActions>();
        services.AddSingleton<CallbackChecker>();
        services.AddSingleton<NotificationSender>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationSender>());
        services.AddHttpClient(NotificationSender.InboxClientName, http => http.Timeout = TimeSpan.FromSeconds(5));
        services.AddHttpClient(NotificationSender.DeliveryClientName, http => http.Timeout = TimeSpan.FromSeconds(5))
            .ConfigurePrimaryHttpMessageHandler(CallbackChecker.CreatePublicOnlyHandler);
        services.AddHttpClient(CallbackChecker.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(5))
            .ConfigurePrimaryHttpMessageHandler(CallbackChecker.CreatePublicOnlyHandler);
        // Prepared beside the host's start-up; sandbox requests wait for it (SandboxReadyFilter).
        services.AddSingleton<ConfiguredAppsInitializer>();
        services.AddSingleton(sp => new SandboxSeed(sp.GetRequiredService<ConfiguredAppsInitializer>().EnsureAsync));
        services.AddSingleton<SandboxDatabaseInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<SandboxDatabaseInitializer>());
        services.AddHostedService<ExpiredCredentialPurger>();
        services.AddSingleton(sp => new SandboxReadiness(sp.GetRequiredService<SandboxDatabaseInitializer>()));
        return builder;
    }

    /// <summary>
    /// Maps the Withings URL layout under <paramref name="prefix"/> (e.g. "/sandbox" in the portal, "" alone):
    /// <c>{prefix}/account/…</c> = account.withings.com, <c>{prefix}/wbsapi/…</c> = wbsapi.withings.net, plus
    /// <c>{prefix}/dashboard/apps</c> and <c>{prefix}/simulate/…</c>. <paramref name="conventions"/> adds conventions to the
    /// endpoints that write and are open to anyone (the portal rate-limits them per client address).
    /// </summary>
    public static RouteGroupBuilder MapWithingsSandbox(this IEndpointRouteBuilder endpoints, string prefix = SandboxLayout.PortalMount,
        SandboxEndpointConventions? conventions = null)
    {
        var sandbox = endpoints.MapGroup(prefix).AddEndpointFilter<SandboxHeadersFilter>()
            .WithMetadata(new UnknownAddresses.KeepHostStatusPagesOut())
            .ExcludeFromDescription();
        // An address the sandbox does not have needs no database: it is answered at once, even while the tables are prepared.
        sandbox.MapUnknownAddresses();

        var root = sandbox.MapGroup("").AddEndpointFilter<SandboxReadyFilter>();
        root.MapAccountEndpoints(conventions?.Consent);
        root.MapDashboardEndpoints(conventions?.AppRegistration);
        root.MapSimulateEndpoints(conventions?.Simulation);

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
        return sandbox;
    }
}
