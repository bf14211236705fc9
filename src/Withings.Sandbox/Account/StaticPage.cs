using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Withings.Sandbox.Account;

/// <summary>
/// Renders a sandbox page component to plain HTML. <see cref="HtmlRenderer"/> with no services of its own, rather than
/// the host's Razor components endpoint renderer: inside the portal the page must not pick up the portal's layout,
/// antiforgery tokens, enhanced navigation or interactive circuits, and when the sandbox runs alone there are none to
/// register. The result is the same document in both.
/// </summary>
internal static class StaticPage
{
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    public static async Task<IResult> RenderAsync<TComponent>(HttpContext http, Dictionary<string, object?> parameters, int statusCode = StatusCodes.Status200OK)
        where TComponent : IComponent
    {
        var html = await RenderHtmlAsync<TComponent>(http.RequestServices.GetRequiredService<ILoggerFactory>(), parameters);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
    }

    public static async Task<string> RenderHtmlAsync<TComponent>(ILoggerFactory loggers, Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(NoServices, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}
