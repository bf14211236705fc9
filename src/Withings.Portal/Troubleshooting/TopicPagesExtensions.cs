using System.Threading.RateLimiting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Withings.Portal.Shell;
using Withings.Portal.Troubleshooting;
using Withings.Portal.Troubleshooting.Outcomes;
using Withings.Portal.Troubleshooting.Reproduce;
using Withings.Portal.Troubleshooting.Steps;
using Withings.Portal.WithingsApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The troubleshooter's pages (<c>/troubleshoot/{id}</c>, <c>/troubleshoot/{id}/{step}</c>): step routes for links and the
/// sitemap, fix Markdown, live checks, outcomes and "Reproduce it". Called from <see cref="TroubleshootingExtensions"/>.
/// </summary>
internal static class TopicPagesExtensions
{
    public static IHostApplicationBuilder AddTopicPages(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp => StepRoutes.For(sp.GetRequiredService<TopicLibrary>()));
        services.AddSingleton<StepMarkdown>();
        services.AddSingleton<OutcomeService>();
        services.AddOptions<ReproduceOptions>().BindConfiguration(ReproduceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReproduceRunner>();
        // No logging handlers: the calls carry secrets in their URLs and bodies (they are shown only redacted).
        services.AddHttpClient(ReproduceRunner.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<OwnServerLoopback>().CreateHandler())
            .RemoveAllLoggers();
        services.Configure<RateLimiterOptions>(limiter =>
        {
            limiter.AddPolicy(OutcomeEndpoints.RateLimitPolicy, context => PerClient(context, 20));
            limiter.AddPolicy(ReproduceOptions.RateLimitPolicy, context =>
                PerClient(context, context.RequestServices.GetRequiredService<IOptions<ReproduceOptions>>().Value.PermitsPerMinute));
        });
        return builder;
    }

    public static WebApplication MapTopicPages(this WebApplication app)
    {
        app.MapOutcomeEndpoints();
        app.MapCallbackProbe();
        // Topic pages show the steps from TopicLibrary: when it swaps in new topics, cached pages must go too.
        var cache = app.Services.GetRequiredService<IOutputCacheStore>();
        app.Services.GetRequiredService<TopicLibrary>().Changed += snapshot =>
            _ = cache.EvictByTagAsync(HelpPageCachePolicy.ContentTag, CancellationToken.None).AsTask();
        return app;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) });
}
