using System.Text.RegularExpressions;
using Withings.Portal.Content;
using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Troubleshooting.Topics;

/// <summary>Checks one topic file (fields, vocabularies, steps, reproduce) and the set of files (ids, links).</summary>
internal static partial class TopicValidator
{
    public static IEnumerable<ContentException> Validate(MarkdownFile file, TopicFrontMatter meta)
    {
        var report = new Problems(file);
        var expectedSlug = Path.GetFileNameWithoutExtension(file.RelativePath);
        if (meta.Slug != expectedSlug)
        {
            report.At("slug:", $"slug '{meta.Slug}' must equal the file name '{expectedSlug}'.");
        }
        if (!TopicVocabulary.ContractIds.Contains(expectedSlug))
        {
            report.At("slug:", $"'{expectedSlug}' is not one of the troubleshooter's contract ids.");
        }
        if (string.IsNullOrWhiteSpace(meta.Title))
        {
            report.At("title:", "title is required.");
        }
        if (meta.Summary.Length is 0 or > 160)
        {
            report.At("summary:", $"summary must be 1–160 characters (it has {meta.Summary.Length}).");
        }
        if (!TopicVocabulary.Categories.Contains(meta.Category))
        {
            report.At("category:", $"category '{meta.Category}' is not one of: {string.Join(", ", TopicVocabulary.Categories)}.");
        }
        if (meta.Tags.Count == 0)
        {
            report.At("tags:", "at least one tag is required.");
        }
        foreach (var code in meta.UnconfirmedStatusCodes.Where(c => !meta.StatusCodes.Contains(c)))
        {
            report.At("unconfirmed_status_codes:", $"unconfirmed status {code} is not one of status_codes.");
        }
        foreach (var route in meta.Related.Where(r => !RouteShape().IsMatch(r)))
        {
            report.At(route, $"related '{route}' is not a site route (/faq/…, /glossary/…, /guides/…, /errors/N, /troubleshoot/…).");
        }

        SignalValidation.Check(meta.Signals, report);
        SeenElsewhereValidation.Check(meta.SeenElsewhere, report);
        StepValidation.Check(meta, report);
        ReproduceValidation.Check(meta.Reproduce, meta.NotReproducible, meta.UnconfirmedStatusCodes, report);
        BodyValidation.Check(file.Body, file.BodyLine, report);
        return report.Found;
    }

    public static IEnumerable<ContentException> ValidateSet(IReadOnlyList<Topic> topics)
    {
        var ids = topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in TopicVocabulary.ContractIds.Where(id => !ids.Contains(id)))
        {
            yield return new ContentException($"{ContentKind.Troubleshoot.Folder()}/{missing}.md", 1, $"the contract topic '{missing}' has no file.");
        }
        var byId = topics.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            foreach (var route in topic.Meta.Related.Where(r => r.StartsWith("/troubleshoot/", StringComparison.Ordinal)))
            {
                if (TopicLinkProblem(route, byId) is { } problem)
                {
                    yield return new ContentException(topic.RelativePath, 2, $"related {problem}");
                }
            }
            var markdown = topic.Steps.Select(s => (Text: s.Fix ?? "", Line: 2)).Append((Text: topic.Body, Line: topic.BodyLine));
            foreach (var (text, line) in markdown)
            {
                foreach (var link in TopicLinks().Matches(text).Select(m => m.Groups[1].Value))
                {
                    if (TopicLinkProblem(link, byId) is { } problem)
                    {
                        yield return new ContentException(topic.RelativePath, line, $"Markdown link {problem}");
                    }
                }
            }
        }
    }

    /// <summary>A link to <c>/troubleshoot/{id}[/{step}]</c> must name an existing topic and step.</summary>
    private static string? TopicLinkProblem(string route, Dictionary<string, Topic> topics)
    {
        var parts = route["/troubleshoot/".Length..].Split('?', '#')[0].Split('/');
        if (!topics.TryGetValue(parts[0], out var topic))
        {
            return $"'{route}' names no topic.";
        }
        return parts.Length > 1 && topic.FindStep(parts[1]) is null ? $"'{route}' names no step of '{parts[0]}'." : null;
    }

    [GeneratedRegex(@"\]\((/troubleshoot/[^)\s]+)\)")]
    private static partial Regex TopicLinks();

    [GeneratedRegex(@"^/(faq|glossary|guides|troubleshoot)/[a-z0-9][a-z0-9-]*(/[a-z0-9-]+)?(#[a-z0-9-]+)?$|^/errors/[0-9]{1,5}$|^/guides$|^/errors$")]
    private static partial Regex RouteShape();
}

/// <summary>Collects problems for one file, locating each by the first front-matter line that contains a needle.</summary>
internal sealed class Problems(MarkdownFile file)
{
    private readonly string[] lines = file.FrontMatter.Split('\n');

    public List<ContentException> Found { get; } = [];

    public void At(string needle, string problem) => Found.Add(new ContentException(file.RelativePath, LineOf(needle), problem));

    public void AtLine(int line, string problem) => Found.Add(new ContentException(file.RelativePath, line, problem));

    private int LineOf(string needle)
    {
        var index = Array.FindIndex(lines, l => l.Contains(needle, StringComparison.Ordinal));
        return file.FrontMatterLine + Math.Max(0, index);
    }
}
