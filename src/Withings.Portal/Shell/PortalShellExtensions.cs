using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Withings.Portal.Components;
using Withings.Portal.Shell;

namespace Microsoft.Extensions.DependencyInjection;

public static class PortalShellExtensions
{
    /// <summary>
    /// Razor components (static by default, interactive server islands where a page asks), MudBlazor, caching of help
    /// pages in the portal and in any proxy or CDN in front of it (<see cref="HelpPageCachePolicy"/>), and the
    /// forwarded headers of the reverse proxies it trusts (<see cref="ReverseProxyOptions"/>).
    /// </summary>
    public static IHostApplicationBuilder AddPortalShell(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(CircuitRetention.Configure);
        builder.Services.AddMudServices();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Features add their own policies (Configure<RateLimiterOptions>) for the endpoints that write or call out.
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) => TooManyRequests.RespondAsync(context.HttpContext, context.Lease);
        });
        // The live checks are GET forms (their results can be linked and cached), so a paste travels in the address:
        // long enough that a paste well over the checks' own limit reaches them and gets their message instead of
        // Kestrel's 414 (8 KB by default). Kestrel:Limits in configuration still overrides it (deploy/nginx matches it).
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = 64 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 96 * 1024;
        });
        builder.Services.Configure<KestrelServerOptions>(builder.Configuration.GetSection("Kestrel"));
        builder.Services.AddOutputCache(options => options.AddPolicy(HelpPageCachePolicy.Name, new HelpPageCachePolicy()));
        builder.Services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section)
            .Validate(o => o.AreValid(), "ReverseProxy:KnownProxies must list IP addresses (e.g. [\"10.0.0.5\"]), " +
                "ReverseProxy:KnownNetworks CIDR networks (e.g. [\"10.0.0.0/8\"]), ReverseProxy:ForwardLimit 1 to 10.")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = proxies.Value.ForwardLimit;
            foreach (var proxy in proxies.Value.KnownProxyAddresses())
            {
                forwarded.KnownProxies.Add(proxy);
            }
            foreach (var network in proxies.Value.KnownNetworkRanges())
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        builder.Services.AddOptions<HttpsOptions>().BindConfiguration(HttpsOptions.Section)
            .Validate(o => o.AreValid(), "Https:HstsMaxAgeDays must be between 1 and 730.")
            .ValidateOnStart();
        builder.Services.AddOptions<HstsOptions>().Configure<IOptions<HttpsOptions>>((hsts, https) =>
            hsts.MaxAge = TimeSpan.FromDays(https.Value.HstsMaxAgeDays));
        return builder;
    }

    public static WebApplication UsePortalShell(this WebApplication app)
    {
        // First, so that everything after sees the client's address and scheme rather than the proxy's.
        app.UseForwardedHeaders();
        // Before the exception handler: its error page gets the headers too (they are set as the response starts).
        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            var https = app.Services.GetRequiredService<IOptions<HttpsOptions>>().Value;
            if (https.Hsts)
            {
                app.UseHsts();
            }
            if (https.RedirectToHttps)
            {
                // Not for callers on this machine: the portal's own server-side calls to /sandbox are plain HTTP to
                // loopback. A proxy on this machine has already been replaced by the client it forwards for.
                app.UseWhen(context => context.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address),
                    branch => branch.UseHttpsRedirection());
            }
        }
        // Placed here on purpose: left to ASP.NET Core they would run first, before the security headers are set, and a
        // support route's 401 would go out without its CSP. Before the status-code pages, so that a refused request keeps
        // its bare 401 (re-executing a refused POST as the not-found page would turn it into an antiforgery 400), and
        // before antiforgery, which checks the signed-in user's token.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseMiddleware<ApiStatusCodeAnswers>();
        app.UseMiddleware<EnhancedNavigationHeaderFix>();
        // Before the output cache, which matches paths whatever their case: see LowercaseHelpPageUrls.
        app.UseMiddleware<LowercaseHelpPageUrls>();
        app.UseOutputCache();
        // Inside the output cache: what it finishes is what gets stored, and replays skip it.
        app.UseMiddleware<SharedHelpPageResponse>();
        app.UseMiddleware<PagePostsNeedAForm>();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseMiddleware<ExpiredFormToken>();
        return app;
    }

    public static WebApplication MapPortalShell(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapThemeEndpoints();
        app.MapRazorComponents<App>()
            // SecurityHeaders already sends frame-ancestors 'none'; Blazor's own 'self' would be a second CSP header.
            .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null)
            .DeclareHelpPagesStatic();
        return app;
    }
}
