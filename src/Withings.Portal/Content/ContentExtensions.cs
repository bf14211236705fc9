using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Withings.Portal.Content;
using Withings.Portal.Content.Feedback;
using Withings.Portal.Content.Markdown;
using Withings.Portal.Content.Search;
using Withings.Portal.Shell;

namespace Microsoft.Extensions.DependencyInjection;

public static class ContentExtensions
{
    public const string SearchRateLimitPolicy = "search";

    /// <summary>The Markdown help content: pipeline, store (reloaded on file change), search, feedback, sitemap.</summary>
    public static IHostApplicationBuilder AddPortalContent(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ContentOptions>, ContentRootValidation>();
        services.AddSingleton(PortalMarkdown.CreatePipeline());
        services.AddSingleton(AppRouteSet.Fixed("content indexes", "/", "/faq", "/glossary", "/guides", "/search"));
        services.AddSingleton<AppRoutes>();
        services.AddSingleton<ContentLoader>();
        services.AddSingleton<ContentStore>();
        // Loading the content at start-up rather than on the first request keeps that request fast and reports
        // content problems in the start-up log; it is built while the database is migrated.
        services.PreloadAtStartup<ContentStore>();
        services.AddHealthChecks().AddCheck<ContentHealthCheck>("content", tags: [HealthExtensions.ReadinessTag]);
        services.AddSingleton<SearchMissLog>();
        services.AddSingleton<FeedbackService>();
        services.Configure<RateLimiterOptions>(options => options
            .AddPerClientAddress(FeedbackEndpoints.RateLimitPolicy, permitsPerMinute: 20)
            .AddPerClientAddress(SearchRateLimitPolicy, permitsPerMinute: 120));
        return builder;
    }

    public static WebApplication MapPortalContent(this WebApplication app)
    {
        app.MapFeedbackEndpoints();
        app.MapSitemap();
        return app;
    }
}
