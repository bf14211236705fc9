using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace Withings.Portal.Content.Markdown;

/// <summary>The one Markdig pipeline of the portal: built once at start-up, immutable and thread-safe.</summary>
public static class PortalMarkdown
{
    public static MarkdownPipeline CreatePipeline() => new MarkdownPipelineBuilder().UsePortalExtensions().Build();

    /// <summary>
    /// CommonMark plus what the content uses (pipe tables, GitHub alerts, GitHub-style heading ids, autolinks,
    /// task lists), the portal's own behaviour (heading anchors, link resolution), no raw HTML and no script links: content is
    /// repository-owned but still never gets to run script.
    /// </summary>
    public static MarkdownPipelineBuilder UsePortalExtensions(this MarkdownPipelineBuilder builder) => builder
        .UseAlertBlocks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseAutoLinks()
        .UseTaskLists()
        .UseHeadingAnchors()
        .UseContentLinks()
        .Use<SafeLinkExtension>()
        .DisableHtml();
}
