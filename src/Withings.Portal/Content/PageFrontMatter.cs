namespace Withings.Portal.Content;

/// <summary>
/// The front matter every content page shares (snake_case in YAML). FAQ, glossary and guide files may hold only
/// these keys; troubleshooter topics add their own, which the troubleshooter reads with its own model.
/// </summary>
public sealed class PageFrontMatter
{
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string? Category { get; set; }
    public List<string> Tags { get; set; } = [];
    public List<int> StatusCodes { get; set; } = [];

    /// <summary>
    /// Codes of <see cref="StatusCodes"/> that Withings does not document for this problem: the portal's reading, kept for
    /// the diagnosis but marked "unconfirmed" wherever the page shows them, and left out of "Also about status N".
    /// </summary>
    public List<int> UnconfirmedStatusCodes { get; set; } = [];
    public List<string> Errors { get; set; } = [];

    /// <summary>Troubleshooter topic ids the page explains (FAQ → troubleshooter links).</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>Site routes of related pages.</summary>
    public List<string> Related { get; set; } = [];

    /// <summary>Other names of a glossary term (search finds the term by them).</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>Menu order of a guide.</summary>
    public int? Order { get; set; }

    /// <summary>
    /// Decision steps of a troubleshooter topic: each is a page of its own at <c>{route}/{id}</c>. Only the ids are read
    /// here (for links and the sitemap); the troubleshooter reads the rest.
    /// </summary>
    public List<PageStep> Steps { get; set; } = [];

    /// <summary>Troubleshooter topics carry their id here as well as in <see cref="Slug"/>.</summary>
    public string? Id { get; set; }

    public const int MaxSummaryLength = 160;
}

public sealed class PageStep
{
    public string Id { get; set; } = "";
}
