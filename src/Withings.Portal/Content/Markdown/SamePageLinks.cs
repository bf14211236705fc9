using System.Net;

namespace Withings.Portal.Content.Markdown;

/// <summary>
/// Links to a section of the page being read. Every page has <c>&lt;base href="/"&gt;</c> (Blazor needs it), against
/// which a bare <c>href="#rules"</c> means <c>/#rules</c>: the home page. Written with the page's own path and query,
/// such a link scrolls to the section, with or without JavaScript, and copies as a link to it.
/// </summary>
public static class SamePageLinks
{
    /// <summary>The link to the section <paramref name="id"/> of the page at <paramref name="pageUrl"/> (path and query).</summary>
    public static string To(string pageUrl, string id) => $"{pageUrl}#{id}";

    /// <summary>
    /// Rendered content HTML with its fragment-only links (heading anchors, <c>[see](#rules)</c>) pointed at
    /// <paramref name="pageUrl"/>. Content HTML is rendered once and shown on more than one page (a topic's text is also
    /// on its step pages), so this is done where it is shown.
    /// </summary>
    public static string PointedAt(string html, string pageUrl) =>
        html.Replace("href=\"#", $"href=\"{WebUtility.HtmlEncode(pageUrl)}#", StringComparison.Ordinal);
}
