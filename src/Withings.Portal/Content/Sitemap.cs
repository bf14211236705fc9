using System.Xml.Linq;
using Withings.Portal.Shell;

namespace Withings.Portal.Content;

/// <summary><c>/sitemap.xml</c>: every content page and its steps, and every page the features register, as absolute URLs.</summary>
public static class Sitemap
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sitemap.xml", (HttpContext context, ContentStore content, AppRoutes routes) =>
            {
                var origin = RequestUrl.Origin(context.Request);
                var urls = routes.All.Concat(content.Current.Pages.SelectMany(p => p.StepRoutes.Prepend(p.Route))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
                var document = new XDocument(new XElement(Ns + "urlset",
                    urls.Select(route => new XElement(Ns + "url", new XElement(Ns + "loc", origin + route)))));
                return TypedResults.Text(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + document.ToString(SaveOptions.DisableFormatting),
                    "application/xml; charset=utf-8");
            })
            .CacheOutput(policy => policy.Expire(TimeSpan.FromHours(1)).Tag(Shell.HelpPageCachePolicy.ContentTag))
            .ExcludeFromDescription();
        return endpoints;
    }
}
