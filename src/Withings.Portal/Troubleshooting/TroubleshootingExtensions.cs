using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Withings.Portal.Troubleshooting;
using Withings.Portal.Troubleshooting.Api;

namespace Microsoft.Extensions.DependencyInjection;

public static class TroubleshootingExtensions
{
    /// <summary>The troubleshooter's topic catalog (from <c>content/troubleshoot/</c>), diagnosis engine, request linter and API.</summary>
    public static IHostApplicationBuilder AddTroubleshooting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DiagnoseApiOptions>().BindConfiguration(DiagnoseApiOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        // Consumers resolve the current snapshot each time; long-lived ones should hold TopicLibrary instead.
        builder.Services.AddSingleton<TopicLibrary>();
        builder.Services.AddTransient(sp => sp.GetRequiredService<TopicLibrary>().Current.Catalog);
        builder.Services.AddTransient(sp => sp.GetRequiredService<TopicLibrary>().Current.Engine);
        builder.Services.AddTransient(sp => sp.GetRequiredService<TopicLibrary>().Current.Linter);

        builder.AddTopicPages();

        builder.Services.AddOpenApi();
        builder.Services.Configure<RateLimiterOptions>(limiter =>
        {
            limiter.AddPolicy(DiagnoseApiOptions.RateLimitPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<DiagnoseApiOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitLimit, Window = TimeSpan.FromSeconds(options.WindowSeconds) });
            });
        });
        return builder;
    }

    /// <summary><c>POST /api/diagnose</c> (rate-limited per client IP) and the OpenAPI document at <c>/openapi/v1.json</c>.</summary>
    public static WebApplication MapTroubleshooting(this WebApplication app)
    {
        // Load (and validate) the topics now: broken content stops the start instead of the first diagnosis.
        _ = app.Services.GetRequiredService<TopicLibrary>();
        app.MapDiagnoseEndpoint();
        app.MapTopicPages();
        app.MapOpenApi();
        return app;
    }
}
