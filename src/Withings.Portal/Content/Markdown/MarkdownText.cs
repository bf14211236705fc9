using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Withings.Portal.Content.Markdown;

/// <summary>Plain text of parsed Markdown, for search and headings (no markup, blocks separated by new lines).</summary>
public static class MarkdownText
{
    public static string Of(MarkdownDocument document)
    {
        var text = new StringBuilder();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is { } inline)
            {
                AppendInline(text, inline);
            }
            else if (leaf is CodeBlock code)
            {
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                {
                    text.Append(line.Slice.AsSpan()).Append('\n');
                }
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    public static string Of(ContainerInline? inline)
    {
        var text = new StringBuilder();
        if (inline is not null)
        {
            AppendInline(text, inline);
        }
        return text.ToString().Trim();
    }

    private static void AppendInline(StringBuilder text, ContainerInline container)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case ContainerInline nested:
                    AppendInline(text, nested);
                    break;
            }
        }
    }
}
