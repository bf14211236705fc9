namespace Withings.Portal.Content;

/// <summary>A rendered content page. Immutable: a content change builds a new snapshot of new pages.</summary>
public sealed record ContentPage
{
    public required ContentKind Kind { get; init; }
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public string? Category { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<int> StatusCodes { get; init; } = [];

    /// <summary>Of <see cref="StatusCodes"/>, those Withings does not document for this problem (shown as unconfirmed).</summary>
    public IReadOnlyList<int> UnconfirmedStatusCodes { get; init; } = [];
    public IReadOnlyList<string> Errors { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<string> Related { get; init; } = [];
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Ids of the page's steps (troubleshooter topics), each served at <c>{Route}/{id}</c>.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];
    public int Order { get; init; }

    /// <summary>Body HTML from the Markdig pipeline (repository-owned content; raw HTML in it is escaped).</summary>
    public string Html { get; init; } = "";

    public IReadOnlyList<PageHeading> Headings { get; init; } = [];

    /// <summary>Body as plain text, for search and snippets.</summary>
    public string PlainText { get; init; } = "";

    /// <summary>Path under the content root, e.g. <c>faq/invalid-code.md</c>.</summary>
    public required string SourcePath { get; init; }

    public string Route => Kind.Route(Slug);

    public IEnumerable<string> StepRoutes => Steps.Select(step => $"{Route}/{step}");
}

public sealed record PageHeading(int Level, string Id, string Text);
