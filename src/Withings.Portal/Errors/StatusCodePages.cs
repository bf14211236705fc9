using Withings.Client;
using Withings.Portal.Content;

namespace Withings.Portal.Errors;

/// <summary>
/// Which help pages are about a status code (from their <c>status_codes</c> front matter). The troubleshooter topics that
/// share a code come from the topic catalog itself (<see cref="Troubleshooting.Topics.TopicCatalog.TopicsForStatus"/>).
/// </summary>
public static class StatusCodePages
{
    public static IReadOnlyList<ContentPage> OtherPagesFor(ContentSnapshot content, int code) =>
        content.Pages.Where(p => p.Kind != ContentKind.Troubleshoot && p.StatusCodes.Contains(code))
            .OrderBy(p => p.Kind).ThenBy(p => p.Title, StringComparer.Ordinal).ToList();

    /// <summary>Codes some page explains: the ones integrators actually meet.</summary>
    public static IReadOnlySet<int> Explained(ContentSnapshot content) =>
        content.Pages.SelectMany(p => p.StatusCodes).Where(WithingsStatusCodes.IsOfficial).ToHashSet();

    /// <summary>Official codes grouped by family, families in the order their first code appears.</summary>
    public static IEnumerable<IGrouping<string, int>> ByFamily() =>
        WithingsStatusCodes.All.GroupBy(c => c.Value, c => c.Key).OrderBy(g => g.Min());
}
