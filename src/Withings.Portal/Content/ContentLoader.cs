using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Withings.Portal.Content.Markdown;

namespace Withings.Portal.Content;

/// <summary>
/// Reads every file under the content root into a <see cref="ContentSnapshot"/>: front matter checked, Markdown
/// rendered through the portal pipeline, and every internal link, related page and topic reference checked
/// against the pages and headings that exist. Problems are collected (file and line), never thrown: a broken
/// file is left out and the rest of the site keeps working.
/// </summary>
public sealed partial class ContentLoader(MarkdownPipeline pipeline, AppRoutes appRoutes)
{
    public ContentSnapshot Load(string root)
    {
        var problems = new List<ContentException>();
        var parsed = new List<ParsedPage>();
        var sources = new List<MarkdownFile>();
        foreach (var kind in ContentKinds.All)
        {
            foreach (var file in ContentFiles.Read(root, kind, problems))
            {
                sources.Add(file);
                try
                {
                    parsed.Add(Parse(kind, file, problems));
                }
                catch (ContentException problem)
                {
                    problems.Add(problem);
                }
            }
        }

        var pages = RejectDuplicateSlugs(parsed, problems);
        CheckReferences(pages, problems);
        return new ContentSnapshot(root, pages.Select(p => p.Page).ToList(), problems, sources);
    }

    private ParsedPage Parse(ContentKind kind, MarkdownFile file, List<ContentException> problems)
    {
        var relative = file.RelativePath;
        var front = kind == ContentKind.Troubleshoot ? file.ReadFrontMatterPart<PageFrontMatter>() : file.ReadFrontMatter<PageFrontMatter>();
        CheckFrontMatter(kind, file, front, problems);

        var links = new LinkContext(relative, file.BodyLine);
        var document = Markdig.Markdown.Parse(file.Body, pipeline, links.ToParserContext());
        var headings = document.Descendants<HeadingBlock>()
            .Select(h => new PageHeading(h.Level, h.GetAttributes().Id ?? "", MarkdownText.Of(h.Inline)))
            .ToList();

        using var html = new StringWriter();
        var renderer = new HtmlRenderer(html);
        pipeline.Setup(renderer);
        renderer.Render(document);

        var page = new ContentPage
        {
            Kind = kind,
            Slug = front.Slug,
            Title = front.Title,
            Summary = front.Summary,
            Category = front.Category,
            Tags = front.Tags,
            StatusCodes = front.StatusCodes,
            UnconfirmedStatusCodes = front.UnconfirmedStatusCodes,
            Errors = front.Errors,
            Topics = front.Topics,
            Related = front.Related,
            Aliases = front.Aliases,
            Steps = front.Steps.Select(s => s.Id).Where(id => id.Length > 0).ToList(),
            Order = front.Order ?? int.MaxValue,
            Html = html.ToString(),
            Headings = headings,
            PlainText = MarkdownText.Of(document),
            SourcePath = relative,
        };
        return new ParsedPage(page, links.Links, file.FrontMatterLine);
    }

    private static void CheckFrontMatter(ContentKind kind, MarkdownFile file, PageFrontMatter front, List<ContentException> problems)
    {
        void Problem(string message) => problems.Add(new ContentException(file.RelativePath, file.FrontMatterLine, message));

        var expectedSlug = Path.GetFileNameWithoutExtension(file.RelativePath);
        if (string.IsNullOrWhiteSpace(front.Slug))
        {
            throw new ContentException(file.RelativePath, file.FrontMatterLine, "front matter: 'slug' is required.");
        }
        if (front.Slug != expectedSlug)
        {
            Problem($"front matter: slug '{front.Slug}' must equal the file name '{expectedSlug}'.");
        }
        if (!SlugPattern().IsMatch(front.Slug))
        {
            Problem($"front matter: slug '{front.Slug}' must be lowercase letters, digits and hyphens.");
        }
        if (string.IsNullOrWhiteSpace(front.Title))
        {
            Problem("front matter: 'title' is required.");
        }
        if (string.IsNullOrWhiteSpace(front.Summary))
        {
            Problem("front matter: 'summary' is required.");
        }
        else if (front.Summary.Length > PageFrontMatter.MaxSummaryLength)
        {
            Problem($"front matter: 'summary' is {front.Summary.Length} characters; keep it to {PageFrontMatter.MaxSummaryLength}.");
        }
        if (kind == ContentKind.Faq && string.IsNullOrWhiteSpace(front.Category))
        {
            Problem("front matter: 'category' is required for FAQ pages.");
        }
        if (kind != ContentKind.Troubleshoot && front.Steps.Count > 0)
        {
            Problem("front matter: 'steps' is only for troubleshooter topics.");
        }
        if (kind != ContentKind.Glossary && front.Aliases.Count > 0)
        {
            Problem("front matter: 'aliases' is only for glossary terms.");
        }
    }

    private static List<ParsedPage> RejectDuplicateSlugs(List<ParsedPage> parsed, List<ContentException> problems)
    {
        var kept = new List<ParsedPage>();
        foreach (var group in parsed.GroupBy(p => p.Page.Route, StringComparer.OrdinalIgnoreCase))
        {
            kept.Add(group.First());
            problems.AddRange(group.Skip(1).Select(duplicate => new ContentException(duplicate.Page.SourcePath, duplicate.FrontMatterLine,
                $"duplicate slug: {group.Key} is already used by {group.First().Page.SourcePath}.")));
        }
        return kept;
    }

    private void CheckReferences(List<ParsedPage> pages, List<ContentException> problems)
    {
        var byRoute = pages.ToDictionary(p => p.Page.Route, p => p.Page, StringComparer.Ordinal);
        var stepRoutes = pages.SelectMany(p => p.Page.StepRoutes).ToHashSet(StringComparer.Ordinal);
        foreach (var (page, links, frontMatterLine) in pages)
        {
            foreach (var link in links)
            {
                if (LinkProblem(page, link, byRoute, stepRoutes) is { } problem)
                {
                    problems.Add(new ContentException(page.SourcePath, link.Line, problem));
                }
            }
            foreach (var related in page.Related)
            {
                var (route, anchor) = SplitAnchor(related);
                var target = byRoute.GetValueOrDefault(route);
                if (target is null && !stepRoutes.Contains(route) && !appRoutes.Contains(route))
                {
                    problems.Add(new ContentException(page.SourcePath, frontMatterLine, $"front matter: related page '{related}' does not exist."));
                }
                else if (target is not null && anchor is not null && target.Headings.All(h => h.Id != anchor))
                {
                    problems.Add(new ContentException(page.SourcePath, frontMatterLine, $"front matter: related page '{related}': {target.SourcePath} has no heading #{anchor}."));
                }
            }
            foreach (var topic in page.Topics.Where(t => !byRoute.ContainsKey(ContentKind.Troubleshoot.Route(t))))
            {
                problems.Add(new ContentException(page.SourcePath, frontMatterLine, $"front matter: troubleshooter topic '{topic}' does not exist."));
            }
        }
    }

    private string? LinkProblem(ContentPage page, InternalLink link, Dictionary<string, ContentPage> byRoute, HashSet<string> stepRoutes)
    {
        if (link.Problem is not null)
        {
            return link.Problem;
        }

        var target = link.Route.Length == 0 ? page : byRoute.GetValueOrDefault(link.Route);
        if (target is null)
        {
            return stepRoutes.Contains(link.Route) || appRoutes.Contains(link.Route) ? null : $"broken link '{link.Url}': no page at {link.Route}.";
        }
        if (link.Anchor is { Length: > 0 } anchor && target.Headings.All(h => h.Id != anchor))
        {
            return $"broken link '{link.Url}': {target.SourcePath} has no heading with the anchor #{anchor}.";
        }
        return null;
    }

    internal static (string Route, string? Anchor) SplitAnchor(string link)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (link, null) : (link[..hash], link[(hash + 1)..]);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    private sealed record ParsedPage(ContentPage Page, IReadOnlyList<InternalLink> Links, int FrontMatterLine);
}
