using Microsoft.AspNetCore.SignalR;
using Withings.Portal.Content;
using Withings.Portal.Troubleshooting.Paste;
using Withings.Portal.Troubleshooting.Cases;

namespace Microsoft.Extensions.DependencyInjection;

public static class CasesExtensions
{
    /// <summary>
    /// Paste-an-error and case links: the case store (redacted on save, expiring, purged in the background), the
    /// per-client limit on saving, and the troubleshooter index route for content links and the sitemap.
    /// Case pages are personal: they are never cached, listed or linked from content.
    /// </summary>
    public static IHostApplicationBuilder AddTroubleshooterCases(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CaseOptions>().BindConfiguration(CaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CaseService>();
        services.AddSingleton<CaseCreationLimiter>();
        services.AddHostedService<ExpiredCasePurger>();
        services.AddSingleton(AppRouteSet.Fixed("troubleshooter index", "/troubleshoot"));
        // The paste box sends its whole text in one circuit message (see PasteLimits).
        services.Configure<HubOptions>(hub => hub.MaximumReceiveMessageSize = PasteLimits.MaxCircuitMessageBytes);
        return builder;
    }
}
