namespace Withings.Portal.Troubleshooting.Topics;

/// <summary>
/// One decision step, at <c>/troubleshoot/{topic}/{step}</c>: either a question with answers (each pointing to the
/// next step) or a fix (Markdown). A step may host a live check.
/// </summary>
public sealed class TopicStep
{
    /// <summary>Stable, lowercase-kebab; becomes part of a URL support staff send.</summary>
    public string Id { get; set; } = "";

    /// <summary>Short name for breadcrumbs and "Make a link".</summary>
    public string Title { get; set; } = "";

    public string? Question { get; set; }

    public List<StepAnswer> Answers { get; set; } = [];

    /// <summary>Markdown shown when the walk ends here.</summary>
    public string? Fix { get; set; }

    /// <summary>Id of the <see cref="TopicCause"/> this fix addresses.</summary>
    public string? Cause { get; set; }

    /// <summary>A live check shown on this step: one of <see cref="TopicVocabulary.Checks"/>.</summary>
    public string? Check { get; set; }

    public bool IsFix => Fix is not null;
}

public sealed class StepAnswer
{
    public string Label { get; set; } = "";

    /// <summary>Id of the next step in the same topic.</summary>
    public string Next { get; set; } = "";

    /// <summary>Query values (<c>?status=503&amp;endpoint=token</c>) that pick this answer without asking.</summary>
    public StepCondition? When { get; set; }
}

/// <summary>
/// Pre-fill rule of an answer; every listed key must match the query. Keys are the query vocabulary documented
/// in <see cref="TopicVocabulary.QueryKeys"/>.
/// </summary>
public sealed class StepCondition
{
    public List<int> Status { get; set; } = [];

    public List<string> Endpoint { get; set; } = [];

    public List<string> GrantType { get; set; } = [];

    public List<string> Method { get; set; } = [];

    /// <summary>Where the parameters were sent: <c>query</c>, <c>body</c>, <c>json</c>.</summary>
    public List<string> Params { get; set; } = [];

    public List<string> Host { get; set; } = [];

    public List<string> Action { get; set; } = [];

    /// <summary>Matches <c>age</c> (seconds between redirect and code exchange) strictly greater than this.</summary>
    public int? AgeOver { get; set; }

    /// <summary>Matches <c>age</c> at most this many seconds.</summary>
    public int? AgeAtMost { get; set; }

    /// <summary>What the callback-URL check found (<see cref="TopicVocabulary.UrlVerdicts"/>): <c>ok</c>, <c>local</c>, <c>http</c>, <c>port</c>, <c>invalid</c>.</summary>
    public List<string> Url { get; set; } = [];

    /// <summary>Whether the URL is, character for character, one of the registered callback URLs: <c>yes</c> or <c>no</c>.</summary>
    public List<string> Registered { get; set; } = [];
}
