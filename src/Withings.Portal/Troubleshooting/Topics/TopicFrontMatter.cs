namespace Withings.Portal.Troubleshooting.Topics;

/// <summary>
/// The front matter of <c>content/troubleshoot/{id}.md</c>: the machine-readable half of a topic. It feeds the topic
/// page, the diagnosis engine (signals), the decision steps and the links; nothing about a topic is repeated in C#.
/// Keys are snake_case and unknown keys are errors (see <see cref="Content.MarkdownFile"/>).
/// </summary>
public sealed class TopicFrontMatter
{
    /// <summary>The topic id = the file name = the public URL segment; never changes.</summary>
    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>One sentence, at most 160 characters (search results, link previews).</summary>
    public string Summary { get; set; } = "";

    /// <summary>One of <see cref="TopicVocabulary.Categories"/>.</summary>
    public string Category { get; set; } = "";

    public List<string> Tags { get; set; } = [];

    /// <summary>Withings body status codes (and HTTP codes for the retired endpoint) this topic explains.</summary>
    public List<int> StatusCodes { get; set; } = [];

    /// <summary>
    /// Codes of <see cref="StatusCodes"/> that Withings does not document for this problem: the portal's reading, kept for
    /// the diagnosis but marked "unconfirmed" wherever the page shows them, and left out of "Also about status N".
    /// </summary>
    public List<int> UnconfirmedStatusCodes { get; set; } = [];

    /// <summary>The error texts as Withings sends them, for the page and for search.</summary>
    public List<string> Errors { get; set; } = [];

    /// <summary>Site routes: <c>/faq/…</c>, <c>/glossary/…</c>, <c>/guides/…</c>, <c>/errors/{code}</c>, <c>/troubleshoot/{id}</c>.</summary>
    public List<string> Related { get; set; } = [];

    public TopicSignals Signals { get; set; } = new();

    public List<TopicCause> Causes { get; set; } = [];

    /// <summary>The decision steps; the first one is where a walk starts.</summary>
    public List<TopicStep> Steps { get; set; } = [];

    /// <summary>For topics about an API error: the failing call and its corrected form, to replay against the sandbox.</summary>
    public TopicReproduce? Reproduce { get; set; }

    /// <summary>For topics without <see cref="Reproduce"/>: why the sandbox cannot produce this problem (shown instead of the button).</summary>
    public string? NotReproducible { get; set; }

    /// <summary>
    /// Up to three public threads where people hit this problem, each with what fixed it in our words: proof that the
    /// fix is real, shown under a diagnosis and on the topic page.
    /// </summary>
    public List<SeenThread> SeenElsewhere { get; set; } = [];
}

public sealed class SeenThread
{
    /// <summary>The public thread (an https URL).</summary>
    public string Url { get; set; } = "";

    /// <summary>The thread's own title, as a link text.</summary>
    public string Title { get; set; } = "";

    /// <summary>One line, in our words, on what fixed it there.</summary>
    public string FixedBy { get; set; } = "";

    /// <summary>
    /// Where the thread is, to read beside its title (a title such as "Token" says little alone): on GitHub the owner and
    /// repository ("core" alone does not say Home Assistant) with the number, or what kind of page it is when it is
    /// a commit or a file rather than a discussion; otherwise the site's host.
    /// </summary>
    public string Where => Uri.TryCreate(Url, UriKind.Absolute, out var uri)
        ? uri.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase) && uri.Segments is [_, var owner, var repository, .. var rest]
            ? $"{owner.TrimEnd('/')}/{repository.TrimEnd('/')}" + (rest switch
            {
                [("issues/" or "pull/" or "discussions/"), var number, ..] => $" #{number.TrimEnd('/')}",
                ["commit/", ..] or ["commits/", ..] => ", a commit",
                [("blob/" or "tree/"), ..] => ", a file",
                _ => "",
            })
            : uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host
        : "";
}

public sealed class TopicCause
{
    public string Id { get; set; } = "";

    public string Text { get; set; } = "";
}
