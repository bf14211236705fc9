using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Withings.Portal.Content.Markdown;

/// <summary>
/// Links and images only to http(s), mailto, the portal's own paths and anchors: a <c>javascript:</c>, <c>data:</c> or
/// <c>vbscript:</c> target (which CommonMark renders as written) becomes plain text, so content cannot carry script
/// even in a link.
/// </summary>
public sealed class SafeLinkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Neutralise;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }
        var trimmed = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = trimmed.IndexOf(':');
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true;
        }
        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    private static void Neutralise(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafe(l.Url)).ToList())
        {
            var text = new LiteralInline(link.IsImage ? "" : string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString())));
            link.ReplaceBy(text);
        }
        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !IsSafe(l.Url)).ToList())
        {
            link.ReplaceBy(new LiteralInline(link.Url));
        }
    }
}
