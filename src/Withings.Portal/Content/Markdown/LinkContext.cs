using Markdig;

namespace Withings.Portal.Content.Markdown;

/// <summary>What the link extension needs to know about the file being parsed, and what it found there.</summary>
public sealed class LinkContext(string sourcePath, int bodyLine)
{
    private readonly List<InternalLink> links = [];

    /// <summary>Path of the file under the content root, e.g. <c>faq/invalid-code.md</c>.</summary>
    public string SourcePath { get; } = sourcePath;

    public IReadOnlyList<InternalLink> Links => links;

    public MarkdownParserContext ToParserContext() => new() { Properties = { [typeof(LinkContext)] = this } };

    public static bool IsExternal(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
        url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the URL to render and records it for validation.</summary>
    public string Resolve(string url, int lineInBody)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? url : url[..hash];
        var anchor = hash < 0 ? null : url[(hash + 1)..];
        var line = bodyLine + lineInBody;

        string route;
        if (path.Length == 0)
        {
            route = "";
        }
        else if (path.StartsWith('/'))
        {
            route = path.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";
        }
        else if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            route = RouteOfRelativeFile(path);
        }
        else
        {
            links.Add(new InternalLink(url, path, anchor, line, $"'{url}' is neither a site route (/faq/...) nor a relative .md path"));
            return url;
        }

        links.Add(new InternalLink(url, route, anchor, line, null));
        return anchor is null ? route : $"{route}#{anchor}";
    }

    private string RouteOfRelativeFile(string relative)
    {
        var folder = Path.GetDirectoryName(SourcePath.Replace('\\', '/')) ?? "";
        var combined = Path.GetFullPath(Path.Combine("/", folder, relative)).Replace('\\', '/');
        // Each content folder is also the first segment of its pages' routes (faq/x.md is /faq/x); a path outside the
        // content folders resolves to a route no page has, which the link check reports.
        return combined[..^".md".Length];
    }
}

/// <summary>An internal link as written (<see cref="Url"/>) and as resolved (<see cref="Route"/> + anchor).</summary>
/// <param name="Route">Site route; empty for a same-page <c>#anchor</c> link.</param>
/// <param name="Problem">Set when the link could not even be resolved.</param>
public sealed record InternalLink(string Url, string Route, string? Anchor, int Line, string? Problem);
