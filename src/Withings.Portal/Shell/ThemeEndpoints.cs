using Microsoft.AspNetCore.Mvc;

namespace Withings.Portal.Shell;

public static class ThemeEndpoints
{
    /// <summary>
    /// <c>POST /theme</c>: a plain form post from the app bar, so the toggle works on static pages and without
    /// JavaScript. It needs no antiforgery token (pages that carry it stay cacheable); cross-site posts are
    /// refused by <see cref="SameOriginFormPost"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapThemeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/theme", ([FromForm] string? theme, [FromForm] string? returnUrl, HttpContext context) =>
            {
                ThemePreference.Remember(context.Response, theme == ThemePreference.Dark);
                return TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl));
            })
            .DisableAntiforgery()
            .AddEndpointFilter<SameOriginFormPost>()
            .ExcludeFromDescription();
        return endpoints;
    }
}
