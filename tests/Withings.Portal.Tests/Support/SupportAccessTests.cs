using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Support;

/// <summary>
/// Every support route, read from the portal's endpoint data source (so a route added later is checked without anyone
/// remembering to), refuses anonymous visitors: pages send browsers to the sign-in form, anything else gets 401.
/// </summary>
public sealed class SupportAccessTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    /// <summary>The only support route open to everyone.</summary>
    private const string SignIn = "/support/sign-in";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> SupportRoutes()
    {
        var portal = new PortalFactory();
        var routes = new TheoryData<string, string>();
        try
        {
            foreach (var (method, path) in Enumerate(portal))
            {
                routes.Add(method, path);
            }
        }
        finally
        {
            portal.Dispose();
            portal.DeleteData();
        }
        return routes;
    }

    [Theory]
    [MemberData(nameof(SupportRoutes))]
    public async Task AnonymousBrowserIsSentToSignIn(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Accept.ParseAdd("text/html");

        var response = await fixture.Portal.CreateBrowserLikeClient().SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"{SignIn}?returnUrl=", response.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(SupportRoutes))]
    public async Task AnonymousScriptIsRefusedWithAStatusCode(string method, string path)
    {
        var response = await fixture.Portal.CreateBrowserLikeClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void TheEnumerationFindsThePagesAndTheForms()
    {
        var routes = Enumerate(fixture.Portal).ToList();

        Assert.Contains(("GET", "/support"), routes);
        Assert.Contains(("GET", "/support/accounts"), routes);
        Assert.Contains(("POST", "/support/links"), routes);
        Assert.Contains(routes, r => r.Method == "POST" && r.Path.EndsWith("/revoke", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignInPageIsOpenToEveryone()
    {
        var response = await fixture.Portal.CreateBrowserLikeClient().GetAsync(SignIn, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Every endpoint whose route starts with <c>/support</c>, with each parameter filled with a value of its kind.</summary>
    private static IEnumerable<(string Method, string Path)> Enumerate(PortalFactory portal)
    {
        var endpoints = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern;
            var path = "/" + string.Join('/', pattern.PathSegments.Select(Segment));
            if (!(path == "/support" || path.StartsWith("/support/", StringComparison.Ordinal)) || path == SignIn)
            {
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is "GET" or "POST"))
            {
                yield return (method, path);
            }
        }
    }

    private static string Segment(RoutePatternPathSegment segment) => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "guid") => Guid.NewGuid().ToString(),
        RoutePatternParameterPart => "x",
        _ => "",
    }));
}
