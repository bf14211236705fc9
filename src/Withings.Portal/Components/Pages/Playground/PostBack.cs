using Microsoft.AspNetCore.Components;

namespace Withings.Portal.Components.Pages.Playground;

/// <summary>
/// Where the linked user's forms post: back to the page they are on, by its path alone. Left to itself, a server-rendered
/// form posts to the whole address of the request that rendered it, and on the callback page that address carries the
/// (spent) code and the state: they must reach neither the HTML nor a second request.
/// </summary>
public static class PostBack
{
    public static string PathOf(NavigationManager navigation) => new Uri(navigation.Uri).AbsolutePath;

    /// <summary>
    /// Whether blazor.web.js sent the request (an enhanced navigation or form post): it alone applies the updates a
    /// streamed answer sends after the page. Anything else (script off, or not loaded yet) must get the finished page at once.
    /// </summary>
    public static bool IsEnhanced(HttpContext? context) =>
        context?.Request.Headers.Accept is [var accept] && string.Equals(accept, "text/html; blazor-enhanced-nav=on", StringComparison.Ordinal);
}
