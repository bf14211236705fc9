using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Withings.Portal.Content.Markdown;

/// <summary>
/// Resolves the links of a content file: a relative <c>.md</c> path becomes the page's site route
/// (<c>../glossary/callback-url.md#rules</c> → <c>/glossary/callback-url#rules</c>), and every internal link is
/// recorded with its line in the <see cref="LinkContext"/> given to <c>Markdown.Parse</c>, so the loader can check
/// it against every page and heading once all files are parsed. External links open with <c>rel="noopener"</c>.
/// </summary>
public sealed class ContentLinkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // The parser context is only handed to block and inline parsers, not to DocumentProcessed, so a parser
        // that never matches lends the document the context the first time a link could start.
        if (!pipeline.InlineParsers.Contains<LinkContextCapture>())
        {
            pipeline.InlineParsers.Insert(0, new LinkContextCapture());
        }
        pipeline.DocumentProcessed -= ResolveLinks;
        pipeline.DocumentProcessed += ResolveLinks;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void ResolveLinks(MarkdownDocument document)
    {
        if (document.GetData(typeof(LinkContext)) is not LinkContext context)
        {
            return;
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            if (string.IsNullOrEmpty(link.Url))
            {
                continue;
            }
            if (LinkContext.IsExternal(link.Url))
            {
                if (!link.IsImage)
                {
                    link.GetAttributes().AddPropertyIfNotExist("rel", "noopener");
                }
                continue;
            }
            link.Url = context.Resolve(link.Url, link.Line);
        }
    }

    private sealed class LinkContextCapture : InlineParser
    {
        public LinkContextCapture() => OpeningCharacters = ['[', '!'];

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            if (processor.Context?.Properties.TryGetValue(typeof(LinkContext), out var context) == true &&
                processor.Document.GetData(typeof(LinkContext)) is null)
            {
                processor.Document.SetData(typeof(LinkContext), context!);
            }
            return false;
        }
    }
}

public static class ContentLinkExtensions
{
    public static MarkdownPipelineBuilder UseContentLinks(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<ContentLinkExtension>();
        return pipeline;
    }
}
