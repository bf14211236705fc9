using System.Runtime.CompilerServices;
using Markdig;
using Markdig.Renderers;
using Withings.Portal.Content.Markdown;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Troubleshooting.Steps;

/// <summary>
/// Renders a fix step's Markdown through the portal's one Markdig pipeline (links resolved as in the topic file, no raw
/// HTML). Steps are immutable within a topic snapshot, so each is rendered once and kept as long as its snapshot lives.
/// </summary>
public sealed class StepMarkdown(MarkdownPipeline pipeline)
{
    private readonly ConditionalWeakTable<TopicStep, string> rendered = [];

    public string FixHtml(Topic topic, TopicStep step) =>
        step.Fix is null ? "" : rendered.GetValue(step, s => Render(topic.RelativePath, s.Fix!));

    private string Render(string sourcePath, string markdown)
    {
        var links = new LinkContext(sourcePath, 1);
        var document = Markdig.Markdown.Parse(markdown, pipeline, links.ToParserContext());
        using var html = new StringWriter();
        var renderer = new HtmlRenderer(html);
        pipeline.Setup(renderer);
        renderer.Render(document);
        return html.ToString();
    }
}
