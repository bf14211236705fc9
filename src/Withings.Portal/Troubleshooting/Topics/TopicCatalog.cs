using Withings.Portal.Content;

namespace Withings.Portal.Troubleshooting.Topics;

/// <summary>
/// Every troubleshooter topic, loaded from <c>content/troubleshoot/*.md</c> and validated as a whole (file names =
/// slugs = the contract ids, step graphs, vocabularies, links between topics). Immutable once loaded.
/// </summary>
public sealed class TopicCatalog
{
    private readonly Dictionary<string, Topic> byId;

    private TopicCatalog(IReadOnlyList<Topic> topics)
    {
        Topics = topics;
        byId = topics.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    /// <summary>Topics in contract order.</summary>
    public IReadOnlyList<Topic> Topics { get; }

    public Topic? Find(string id) => byId.GetValueOrDefault(id);

    public Topic Get(string id) => byId.TryGetValue(id, out var topic)
        ? topic
        : throw new KeyNotFoundException($"No troubleshooter topic '{id}'.");

    /// <summary>
    /// Topics that list <paramref name="code"/> in <c>status_codes</c>, by title (for <c>/errors/{code}</c>; 503, 601, 293
    /// have several).
    /// </summary>
    public IReadOnlyList<Topic> TopicsForStatus(int code) =>
        Topics.Where(t => t.Meta.StatusCodes.Contains(code)).OrderBy(t => t.Title, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Reads <c>{contentRoot}/troubleshoot/*.md</c> outside a running portal (tests, benchmarks); the portal builds its
    /// catalog from the content store's snapshot (<see cref="TopicLibrary"/>). Throws <see cref="TopicValidationException"/>
    /// listing every problem.
    /// </summary>
    public static TopicCatalog Load(string contentRoot)
    {
        var problems = new List<ContentException>();
        var files = ContentFiles.Read(contentRoot, ContentKind.Troubleshoot, problems);
        return FromFiles(files, problems);
    }

    /// <summary>Builds a catalog from already-read files; <paramref name="readProblems"/> are files that could not be read.</summary>
    public static TopicCatalog FromFiles(IEnumerable<MarkdownFile> files, IEnumerable<ContentException>? readProblems = null)
    {
        var problems = new List<ContentException>(readProblems ?? []);
        var topics = new List<Topic>();
        foreach (var file in files)
        {
            try
            {
                var meta = file.ReadFrontMatter<TopicFrontMatter>();
                topics.Add(new Topic(meta, file.Body, file.RelativePath, file.BodyLine));
                problems.AddRange(TopicValidator.Validate(file, meta));
            }
            catch (ContentException ex)
            {
                problems.Add(ex);
            }
        }

        problems.AddRange(TopicValidator.ValidateSet(topics));
        if (problems.Count > 0)
        {
            throw new TopicValidationException(problems);
        }

        var order = TopicVocabulary.ContractIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        return new TopicCatalog(topics.OrderBy(t => order.GetValueOrDefault(t.Id, int.MaxValue)).ToList());
    }
}

/// <summary>All the problems found in <c>content/troubleshoot/</c>, one <c>file:line: problem</c> per line.</summary>
public sealed class TopicValidationException(IReadOnlyList<ContentException> problems)
    : Exception("Troubleshooter content is invalid:\n" + string.Join('\n', problems.Select(p => p.Message)))
{
    public IReadOnlyList<ContentException> Problems { get; } = problems;
}
