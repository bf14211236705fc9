namespace Withings.Portal.Troubleshooting.Topics;

/// <summary>A loaded, validated troubleshooter topic: its front matter, its Markdown body and where it came from.</summary>
public sealed class Topic
{
    private readonly Dictionary<string, TopicStep> stepsById;

    public Topic(TopicFrontMatter meta, string body, string relativePath, int bodyLine)
    {
        Meta = meta;
        Body = body;
        RelativePath = relativePath;
        BodyLine = bodyLine;
        stepsById = meta.Steps
            .GroupBy(s => s.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public string Id => Meta.Slug;

    public string Title => Meta.Title;

    /// <summary>The page URL, <c>/troubleshoot/{id}</c>.</summary>
    public string Url => $"/troubleshoot/{Id}";

    public TopicFrontMatter Meta { get; }

    /// <summary>The Markdown body (no H1: the page renders the title).</summary>
    public string Body { get; }

    public string RelativePath { get; }

    public int BodyLine { get; }

    public IReadOnlyList<TopicStep> Steps => Meta.Steps;

    public TopicStep StartStep => Meta.Steps[0];

    public TopicStep? FindStep(string stepId) => stepsById.GetValueOrDefault(stepId);

    /// <summary>URL of one step, <c>/troubleshoot/{id}/{step}</c>.</summary>
    public string StepUrl(string stepId) => $"{Url}/{stepId}";
}
