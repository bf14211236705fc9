using Withings.Client;
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
        services.AddTransient<PlaygroundFlow>();
        services.AddTransient(sp => new SampleDataGuide(
            sp.GetRequiredService<WithingsClient>(),
            sp.GetRequiredService<PlaygroundSetup>().CanSimulate ? sp.GetService<SandboxUserActions>() : null,
            sp.GetRequiredService<PlaygroundCallLimiter>(),
            sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
