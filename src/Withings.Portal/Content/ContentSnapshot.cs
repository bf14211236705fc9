using System.Collections.Concurrent;
using Withings.Portal.Content.Search;

namespace Withings.Portal.Content;

/// <summary>Every page of one load of the content folder, with its search index. Immutable.</summary>
public sealed class ContentSnapshot
{
    private const int MaxRelated = 6;

    private readonly Dictionary<string, ContentPage> byRoute;
    private readonly ConcurrentDictionary<string, IReadOnlyList<RelatedPage>> related = new(StringComparer.Ordinal);
    private readonly Lazy<SearchIndex> search;

    public ContentSnapshot(string root, IReadOnlyList<ContentPage> pages, IReadOnlyList<ContentException> problems,
        IReadOnlyList<MarkdownFile>? sources = null)
    {
        Root = root;
        Sources = sources ?? [];
        Pages = pages;
        Problems = problems;
        byRoute = pages.ToDictionary(p => p.Route, StringComparer.Ordinal);
        search = new Lazy<SearchIndex>(() => SearchIndex.Build(pages.Select(ToSearchDocument)));
    }

    public string Root { get; }

    public IReadOnlyList<ContentPage> Pages { get; }

    /// <summary>Files that were left out or links that lead nowhere, by file and line (the content tests fail on any).</summary>
    public IReadOnlyList<ContentException> Problems { get; }

    public SearchIndex Search => search.Value;

    /// <summary>
    /// The files this snapshot was read from (front matter and body split, not yet interpreted), for features whose
    /// front matter carries more than a page needs: the troubleshooter builds its topics from these.
    /// </summary>
    public IReadOnlyList<MarkdownFile> Sources { get; }

    public IEnumerable<MarkdownFile> SourcesOf(ContentKind kind) =>
        Sources.Where(f => f.RelativePath.StartsWith(kind.Folder() + "/", StringComparison.Ordinal));

    public ContentPage? Find(ContentKind kind, string slug) => byRoute.GetValueOrDefault(kind.Route(slug));

    public ContentPage? FindByRoute(string route) => byRoute.GetValueOrDefault(route);

    public IEnumerable<ContentPage> OfKind(ContentKind kind) => Pages.Where(p => p.Kind == kind);

    /// <summary>
    /// Pages to read next: the ones the page names, the ones that name it, FAQ ↔ troubleshooter topic links, then
    /// pages about the same status codes or tags.
    /// </summary>
    public IReadOnlyList<RelatedPage> RelatedTo(ContentPage page) => related.GetOrAdd(page.Route, _ => ComputeRelated(page));

    private static SearchDocument ToSearchDocument(ContentPage page) => new(
        page.Route,
        page.Title,
        page.Kind.Label(),
        page.Summary,
        page.PlainText,
        [.. page.Aliases, .. page.Errors, .. page.Tags, .. page.StatusCodes.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        page.Headings.Select(h => h.Text).ToList());

    private List<RelatedPage> ComputeRelated(ContentPage page)
    {
        var scores = new Dictionary<string, (double Score, string Reason)>(StringComparer.Ordinal);
        void Consider(ContentPage other, double score, string reason)
        {
            if (other.Route == page.Route)
            {
                return;
            }
            var current = scores.GetValueOrDefault(other.Route);
            scores[other.Route] = (current.Score + score, current.Reason ?? reason);
        }

        foreach (var related in page.Related)
        {
            if (byRoute.TryGetValue(ContentLoader.SplitAnchor(related).Route, out var named))
            {
                Consider(named, 100, "See also");
            }
        }
        foreach (var other in Pages)
        {
            if (other.Related.Any(r => ContentLoader.SplitAnchor(r).Route == page.Route))
            {
                Consider(other, 50, "Links here");
            }
            if (page.Kind == ContentKind.Troubleshoot && other.Topics.Contains(page.Slug))
            {
                Consider(other, 80, "Explained in the FAQ");
            }
            if (other.Kind == ContentKind.Troubleshoot && page.Topics.Contains(other.Slug))
            {
                Consider(other, 90, "Troubleshooter");
            }
            var sharedCodes = other.StatusCodes.Except(other.UnconfirmedStatusCodes)
                .Intersect(page.StatusCodes.Except(page.UnconfirmedStatusCodes)).Where(c => c != 0).ToList();
            if (sharedCodes.Count > 0)
            {
                Consider(other, 10 * sharedCodes.Count, $"Also about status {string.Join(", ", sharedCodes)}");
            }
            var sharedTags = other.Tags.Intersect(page.Tags, StringComparer.Ordinal).Count();
            if (sharedTags > 0)
            {
                Consider(other, 2 * sharedTags, "Same subject");
            }
        }

        return scores
            .OrderByDescending(s => s.Value.Score)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Take(MaxRelated)
            .Select(s => new RelatedPage(byRoute[s.Key], s.Value.Reason))
            .ToList();
    }
}

public sealed record RelatedPage(ContentPage Page, string Reason);
