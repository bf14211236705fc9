using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Withings.Portal.Content.Markdown;

/// <summary>
/// Gives every section heading a link to itself (<c>#</c>), so readers and support staff can copy a link to the
/// exact section. It is a plain link: it works without JavaScript; <c>portal.js</c> adds copy-to-clipboard.
/// </summary>
public sealed class HeadingAnchorExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.ReplaceOrAdd<HeadingRenderer>(new AnchoredHeadingRenderer());
        }
    }

    private sealed class AnchoredHeadingRenderer : HtmlObjectRenderer<HeadingBlock>
    {
        protected override void Write(HtmlRenderer renderer, HeadingBlock heading)
        {
            var tag = $"h{Math.Clamp(heading.Level, 1, 6)}";
            var id = heading.GetAttributes().Id;
            renderer.Write('<').Write(tag).WriteAttributes(heading).Write('>');
            renderer.WriteLeafInline(heading);
            if (!string.IsNullOrEmpty(id) && heading.Level >= 2)
            {
                renderer.Write(" <a class=\"heading-anchor\" href=\"#").WriteEscapeUrl(id)
                    .Write("\" data-copy-link aria-label=\"Link to this section\">#</a>");
            }
            renderer.Write("</").Write(tag).WriteLine(">");
        }
    }
}

public static class HeadingAnchorExtensions
{
    public static MarkdownPipelineBuilder UseHeadingAnchors(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<HeadingAnchorExtension>();
        return pipeline;
    }
}
