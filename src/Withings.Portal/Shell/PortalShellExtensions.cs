using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using Withings.Portal.Components;
using Withings.Portal.Shell;

namespace Microsoft.Extensions.DependencyInjection;

public static class PortalShellExtensions
{
    /// <summary>Razor components (static by default, interactive server islands where a page asks), MudBlazor and page caching.</summary>
    public static IHostApplicationBuilder AddPortalShell(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Features add their own policies (Configure<RateLimiterOptions>) for the endpoints that write or call out.
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) => new ValueTask(TypedResults.Problem(
                detail: "Too many requests from this address; wait a minute and try again.",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests").ExecuteAsync(context.HttpContext));
        });
        builder.Services.AddOutputCache(options => options.AddPolicy(HelpPageCachePolicy.Name, new HelpPageCachePolicy()));
        return builder;
    }

    public static WebApplication UsePortalShell(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseMiddleware<SecurityHeaders>();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseMiddleware<EnhancedNavigationHeaderFix>();
        app.UseOutputCache();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPortalShell(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapThemeEndpoints();
        app.MapRazorComponents<App>()
            // SecurityHeaders already sends frame-ancestors 'none'; Blazor's own 'self' would be a second CSP header.
            .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
