using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Shell;
using Withings.Portal.Tests.Infrastructure;
using Withings.Sandbox.Wire;

namespace Withings.Portal.Tests.Shell;

public class SecurityHeadersTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PagesCarryOneContentSecurityPolicy()
    {
        var response = await fixture.Portal.CreateClient().GetAsync("/", Cancel);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    /// <summary>
    /// Every GET route the portal maps (pages, APIs, the sandbox), read from the endpoint data source so a new route
    /// cannot be forgotten; parameters are filled from the sitemap where a real page exists, otherwise with a value
    /// that answers 404 — that answer must carry the headers too.
    /// </summary>
    [Fact]
    public async Task EveryGetRouteAnswersWithTheSecurityHeaders()
    {
        var client = fixture.Portal.CreateClient();
        var urls = await UrlsForEveryGetRouteAsync(fixture.Portal);
        var failures = new List<string>();

        foreach (var url in urls)
        {
            var response = await client.GetAsync(url, Cancel);
            if (Missing(response) is { Length: > 0 } missing)
            {
                failures.Add($"{url} ({(int)response.StatusCode}): {missing}");
            }
        }

        Assert.True(urls.Count >= 20, $"only {urls.Count} routes found: {string.Join(", ", urls)}");
        Assert.Contains(urls, u => u.StartsWith("/sandbox/", StringComparison.Ordinal));
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("POST", "/api/diagnose")]
    [InlineData("POST", "/feedback")]
    [InlineData("GET", "/no/such/page")]
    [InlineData("GET", "/sandbox/no/such/page")]
    [InlineData("GET", "/_framework/blazor.web.js")]
    public async Task ApiAnswersErrorsAndAssetsCarryTheHeadersToo(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "POST" ? new StringContent("{}", Encoding.UTF8, "application/json") : null };

        var response = await fixture.Portal.CreateClient().SendAsync(request, Cancel);

        Assert.Equal("", Missing(response));
    }

    [Fact]
    public async Task ErrorPageOfAFailedRequestCarriesTheHeaders()
    {
        await using var portal = new FailingPortal();
        try
        {
            var response = await portal.CreateClient().GetAsync(FailingPortal.Path, Cancel);

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("", Missing(response));
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        }
        finally
        {
            portal.DeleteData();
        }
    }

    [Fact]
    public async Task SandboxPagesKeepTheirOwnPolicy()
    {
        var response = await fixture.Portal.CreateClient().GetAsync("/sandbox/dashboard/apps", Cancel);

        Assert.Equal(SandboxHeadersFilter.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task PlainHttpIsRedirectedToHttpsAndHttpsGetsHsts()
    {
        await using var portal = new PortalFactory { Settings = { ["HTTPS_PORT"] = "443" } };
        try
        {
            var http = portal.CreateBrowserLikeClient();
            http.BaseAddress = new Uri("http://portal.example/");
            var redirect = await http.GetAsync("/faq", Cancel);
            var https = portal.CreateClient(new() { BaseAddress = new Uri("https://portal.example/") });
            var secure = await https.GetAsync("/faq", Cancel);

            Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
            Assert.Equal("https://portal.example/faq", redirect.Headers.Location?.ToString());
            Assert.StartsWith("max-age=31536000", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")));
        }
        finally
        {
            portal.DeleteData();
        }
    }

    [Fact]
    public async Task BehindATlsTerminatingProxyRedirectionAndHstsCanBeTurnedOff()
    {
        await using var portal = new PortalFactory
        {
            Settings = { ["HTTPS_PORT"] = "443", ["Https:RedirectToHttps"] = "false", ["Https:Hsts"] = "false" },
        };
        try
        {
            var http = portal.CreateBrowserLikeClient();
            http.BaseAddress = new Uri("http://portal.example/");
            var plain = await http.GetAsync("/faq", Cancel);
            var secure = await portal.CreateClient(new() { BaseAddress = new Uri("https://portal.example/") }).GetAsync("/faq", Cancel);

            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            Assert.False(secure.Headers.Contains("Strict-Transport-Security"));
        }
        finally
        {
            portal.DeleteData();
        }
    }

    [Fact]
    public void LocalUrlOnlyFollowsPathsOnThisSite()
    {
        Assert.Equal("/faq/x?y=1", LocalUrl.OrHome("/faq/x?y=1"));
        Assert.Equal("/", LocalUrl.OrHome("//evil.example"));
        Assert.Equal("/", LocalUrl.OrHome("/\\evil.example"));
        Assert.Equal("/", LocalUrl.OrHome("https://evil.example"));
        Assert.Equal("/", LocalUrl.OrHome(null));
    }

    /// <summary>What the response lacks of the policy, empty when it is all there.</summary>
    public static string Missing(HttpResponseMessage response)
    {
        var missing = new List<string>();
        var csp = Header(response, "Content-Security-Policy");
        if (csp is null || !csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal) || csp.Contains("unsafe-eval", StringComparison.Ordinal))
        {
            missing.Add($"CSP [{csp}]");
        }
        if (Header(response, "X-Content-Type-Options") != "nosniff")
        {
            missing.Add("nosniff");
        }
        if (Header(response, "Referrer-Policy") is not ("strict-origin-when-cross-origin" or "no-referrer"))
        {
            missing.Add("Referrer-Policy");
        }
        return string.Join(", ", missing);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;

    /// <summary>
    /// One URL per GET route of the endpoint data source: the route itself when it has no parameters, else a page of the
    /// sitemap that matches it, else the route with every parameter set to <c>x</c>.
    /// </summary>
    public static async Task<List<string>> UrlsForEveryGetRouteAsync(PortalFactory portal)
    {
        var client = portal.CreateClient();
        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml", Cancel));
        var known = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).AbsolutePath).ToList();
        var urls = new List<string>();
        foreach (var endpoint in portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is { Count: > 0 } && !methods.Contains("GET"))
            {
                continue;
            }
            var pattern = endpoint.RoutePattern;
            if (pattern.RawText is null || pattern.RawText.Contains("_blazor") || pattern.RawText.Contains("_framework") ||
                pattern.RawText.Contains("_content") || pattern.RawText.Contains('.') && pattern.Parameters.Count > 0 ||
                endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null)
            {
                continue;
            }
            if (pattern.Parameters.Count == 0)
            {
                urls.Add("/" + pattern.RawText.TrimStart('/'));
                continue;
            }
            var matcher = new TemplateMatcher(TemplateParser.Parse(pattern.RawText.TrimStart('/')), new RouteValueDictionary());
            var match = known.FirstOrDefault(url => matcher.TryMatch(url, new RouteValueDictionary()));
            urls.Add(match ?? "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part =>
                part is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal ? literal.Content : "x")))));
        }
        return urls.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A portal where <c>/test-failure</c> throws at the end of the pipeline, inside the exception handler.</summary>
    private sealed class FailingPortal : PortalFactory
    {
        public const string Path = "/test-failure";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, ThrowAtTheEnd>());
        }

        private sealed class ThrowAtTheEnd : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use((context, after) => context.Request.Path == Path
                    ? throw new InvalidOperationException("A request failed (test).")
                    : after(context));
            };
        }
    }
}
