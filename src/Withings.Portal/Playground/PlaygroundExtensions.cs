using Microsoft.AspNetCore.RateLimiting;
using Withings.Client;
using Withings.Portal.Shell;
using Withings.Portal.Playground;
using Withings.Sandbox.Simulate;

namespace Microsoft.Extensions.DependencyInjection;

public static class PlaygroundExtensions
{
    /// <summary>
    /// The OAuth playground, the sample-data guide and the sandbox app registration page: pending authorizations and
    /// linked users in server memory, the per-visitor call limit, and the calls made with the portal's typed client.
    /// </summary>
    public static IHostApplicationBuilder AddPlayground(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PlaygroundOptions>().BindConfiguration(PlaygroundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PendingAuthorizations>();
        services.AddSingleton<PlaygroundLinks>();
        services.AddSingleton<PlaygroundCallLimiter>();
        services.AddSingleton<PlaygroundSetup>();
        services.AddSingleton<TroubleshooterLinks>();
        services.AddSingleton<NotificationInbox>();
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPerClientAddress(InboxEndpoint.RateLimitPolicy, permitsPerMinute: 120));
        services.AddTransient<PlaygroundFlow>();
        services.AddTransient(sp => new SampleDataGuide(
            sp.GetRequiredService<WithingsClient>(),
            sp.GetRequiredService<PlaygroundSetup>().CanSimulate ? sp.GetService<SandboxUserActions>() : null,
            sp.GetRequiredService<PlaygroundCallLimiter>(),
            sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    /// <summary>The notification inbox the sandbox delivers to (the pages are Razor components).</summary>
    public static WebApplication MapPlayground(this WebApplication app)
    {
        app.MapPlaygroundInbox();
        return app;
    }
}
