using System.Security.Cryptography;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Withings.Client;
using Withings.Portal.Shell;
using Withings.Portal.WithingsApi;
using Withings.Portal.Data;
using Withings.Portal.Operations;
using Withings.Sandbox;
using Withings.Sandbox.Data;

namespace Microsoft.Extensions.DependencyInjection;

public static class WithingsApiExtensions
{
    private const string PortalAppPrefix = "Sandbox:PortalApp";

    /// <summary>Rate limit of the sandbox's app registration (<c>POST /sandbox/dashboard/apps</c>), per client address.</summary>
    public const string SandboxAppRegistrationRateLimitPolicy = "sandbox-app-registration";

    /// <summary>Rate limit of the sandbox's simulated user actions (<c>/sandbox/simulate/…</c>), per client address.</summary>
    public const string SandboxSimulationRateLimitPolicy = "sandbox-simulation";

    /// <summary>Rate limit of the sandbox's consent post (<c>POST /sandbox/account/oauth2_user/authorize2</c>), per client address.</summary>
    public const string SandboxConsentRateLimitPolicy = "sandbox-consent";

    /// <summary>
    /// The typed Withings client and the embedded sandbox. <c>Withings:Mode</c> = <c>Sandbox</c> (default) points the
    /// client at the portal's own <c>/sandbox</c> with the portal's pre-registered sandbox app; <c>Withings</c> points it
    /// at the real hosts with <c>Withings:ClientId</c>, <c>ClientSecret</c> and <c>CallbackUrl</c> (user secrets).
    /// The sandbox stays mounted in both modes unless <c>Sandbox:Enabled</c> is false.
    /// </summary>
    public static IHostApplicationBuilder AddPortalWithingsApi(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var mode = ReadMode(configuration);
        var sandboxEnabled = configuration.GetValue("Sandbox:Enabled", true);
        if (mode == WithingsApiMode.Sandbox && !sandboxEnabled)
        {
            throw new InvalidOperationException("Withings:Mode is 'Sandbox' but Sandbox:Enabled is false: enable the sandbox or use Withings:Mode=Withings.");
        }

        builder.Services.AddSingleton(new WithingsApiSettings(mode, sandboxEnabled));
        builder.Services.AddSingleton<OwnServerLoopback>();
        if (sandboxEnabled)
        {
            RegisterPortalSandboxApp(configuration);
            builder.AddWithingsSandbox(builder.PortalDatabase());
            // The sandbox's tables live in the portal's database and its app secrets are protected with the portal's
            // key ring: both exist once the portal's migrator is done.
            builder.Services.AddSingleton(sp => new SandboxPrerequisite(
                cancellationToken => sp.GetRequiredService<DatabaseReadiness>().Ready.WaitAsync(cancellationToken)));
            // Then it waits for the portal's first answer (on two cores the two would share the CPU and the first visitor wait
            // for both), unless a sandbox request comes first.
            builder.Services.AddFirstAnswer();
            builder.Services.AddSingleton(sp => new SandboxDeferral(sp.GetRequiredService<FirstAnswer>().WaitAsync));
            builder.Services.AddOptions<SandboxRateLimitOptions>().BindConfiguration(SandboxRateLimitOptions.Section)
                .ValidateDataAnnotations().ValidateOnStart();
            builder.Services.Configure<RateLimiterOptions>(limiter => limiter
                .AddPerClientAddress(SandboxAppRegistrationRateLimitPolicy,
                    sp => (Limits(sp).AppRegistrationsPerHour, TimeSpan.FromHours(1)))
                // Not for this machine: "Reproduce it" posts the consent form over loopback for every visitor's run (each run
                // limited per visitor before it), and so would share one partition.
                .AddPerClientAddress(SandboxConsentRateLimitPolicy,
                    sp => (Limits(sp).ConsentsPerMinute, TimeSpan.FromMinutes(1)), exemptThisMachine: true)
                .AddPerClientAddress(SandboxSimulationRateLimitPolicy,
                    sp => (Limits(sp).SimulationsPerMinute, TimeSpan.FromMinutes(1)), exemptThisMachine: true));
            // Notifications to the portal's own inbox travel over the same loopback as the portal's calls to the sandbox.
            builder.Services.AddHttpClient(Withings.Sandbox.Notify.NotificationSender.InboxClientName)
                .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<OwnServerLoopback>().CreateHandler());
        }

        builder.AddWithingsClient();
        if (mode == WithingsApiMode.Sandbox)
        {
            builder.Services.PostConfigure<WithingsApiOptions>(options => PointAtEmbeddedSandbox(options, configuration));
            builder.Services.AddHttpClient(nameof(WithingsClient)).ConfigurePrimaryHttpMessageHandler(sp =>
                UsesEmbeddedSandbox(configuration) ? sp.GetRequiredService<OwnServerLoopback>().CreateHandler() : new SocketsHttpHandler());
        }
        else
        {
            builder.Services.AddOptions<WithingsApiOptions>().Validate(HasPartnerApp,
                "Withings:Mode is 'Withings' but the portal's partner app is incomplete: set Withings:ClientId, Withings:ClientSecret and " +
                "Withings:CallbackUrl (" + (builder.Environment.IsDevelopment()
                    ? "e.g. with `dotnet user-secrets --project src/Withings.Portal set Withings:ClientSecret ...`)."
                    // User secrets are read in Development only.
                    : "e.g. the environment variables Withings__ClientId, Withings__ClientSecret and Withings__CallbackUrl)."));
        }
        return builder;
    }

    public static WebApplication MapPortalWithingsApi(this WebApplication app)
    {
        if (app.Services.GetRequiredService<WithingsApiSettings>().SandboxEnabled)
        {
            app.MapWithingsSandbox(SandboxLayout.PortalMount, new SandboxEndpointConventions
            {
                AppRegistration = endpoint => endpoint.RequireRateLimiting(SandboxAppRegistrationRateLimitPolicy),
                Simulation = endpoints => endpoints.RequireRateLimiting(SandboxSimulationRateLimitPolicy),
                Consent = endpoint => endpoint.RequireRateLimiting(SandboxConsentRateLimitPolicy),
            });
        }
        return app;
    }

    private static SandboxRateLimitOptions Limits(IServiceProvider services) =>
        services.GetRequiredService<IOptions<SandboxRateLimitOptions>>().Value;

    private static WithingsApiMode ReadMode(IConfiguration configuration)
    {
        var value = configuration["Withings:Mode"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return WithingsApiMode.Sandbox;
        }
        return Enum.TryParse<WithingsApiMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !int.TryParse(value, out _)
            ? mode
            : throw new InvalidOperationException($"Withings:Mode is '{value}', which the portal does not support. Use 'Sandbox' (default) or 'Withings'.");
    }

    /// <summary>
    /// The portal's own partner app in the sandbox. Its secret is generated per run unless configured: the sandbox
    /// re-registers configured apps at every start-up, and nobody outside this process needs it.
    /// </summary>
    private static void RegisterPortalSandboxApp(IConfigurationManager configuration)
    {
        var defaults = new Dictionary<string, string?>();
        if (string.IsNullOrWhiteSpace(configuration[$"{PortalAppPrefix}:ClientId"]))
        {
            defaults[$"{PortalAppPrefix}:ClientId"] = "withings-developer-portal";
        }
        if (string.IsNullOrWhiteSpace(configuration[$"{PortalAppPrefix}:ClientSecret"]))
        {
            defaults[$"{PortalAppPrefix}:ClientSecret"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        }
        if (string.IsNullOrWhiteSpace(configuration["Sandbox:NotificationInbox"]))
        {
            defaults["Sandbox:NotificationInbox"] = $"{OwnServerLoopback.Origin}{OwnServerLoopback.InboxPath}";
        }
        if (string.IsNullOrWhiteSpace(configuration[$"{PortalAppPrefix}:CallbackUrl"]))
        {
            defaults[$"{PortalAppPrefix}:CallbackUrl"] = $"http://{OwnServerLoopback.Host}/playground/callback";
        }
        if (defaults.Count > 0)
        {
            configuration.AddInMemoryCollection(defaults);
        }
    }

    private static bool UsesEmbeddedSandbox(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["Withings:ApiBaseUrl"]);

    private static void PointAtEmbeddedSandbox(WithingsApiOptions options, IConfiguration configuration)
    {
        if (UsesEmbeddedSandbox(configuration))
        {
            (options.AccountBaseUrl, options.ApiBaseUrl) = SandboxLayout.BaseUrls(OwnServerLoopback.SandboxBase);
        }
        options.ClientId ??= configuration[$"{PortalAppPrefix}:ClientId"];
        options.ClientSecret ??= configuration[$"{PortalAppPrefix}:ClientSecret"];
        options.CallbackUrl ??= configuration[$"{PortalAppPrefix}:CallbackUrl"];
    }

    private static bool HasPartnerApp(WithingsApiOptions options) =>
        !string.IsNullOrWhiteSpace(options.ClientId) && !string.IsNullOrWhiteSpace(options.ClientSecret) && !string.IsNullOrWhiteSpace(options.CallbackUrl);
}

/// <summary>What the Withings API feature was started with.</summary>
public sealed record WithingsApiSettings(WithingsApiMode Mode, bool SandboxEnabled);
