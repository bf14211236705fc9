using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>
/// The "lint a pasted request" live check: parses curl / raw HTTP / URLs / code and reports what is wrong, each
/// finding pointing to the topic that explains it. Which topic a finding belongs to comes from the topic files
/// (the topic that weighs that fact most), not from C#.
/// </summary>
public sealed class RequestLinter(Func<TopicCatalog> topics)
{
    public RequestLinter(TopicCatalog catalog) : this(() => catalog)
    {
    }

    public RequestLinter(TopicLibrary library) : this(() => library.Current)
    {
    }

    public LintReport Lint(string text)
    {
        var catalog = topics();
        var requests = RequestParser.Parse(text);
        var findings = new List<LintFinding>();
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            RequestPrefill.AddTo(answers, request);
            foreach (var issue in RequestRules.Check(request).Where(i => i.Severity != IssueSeverity.Info))
            {
                findings.Add(new LintFinding(request.Describe(), issue.Severity, issue.Message, issue.Fact, TopicFor(catalog, issue.Fact)));
            }
        }
        return new LintReport(requests, findings, answers);
    }

    private static string? TopicFor(TopicCatalog catalog, string fact) => catalog.Topics
        .Select(t => (t.Id, Weight: t.Meta.Signals.Facts.Where(f => f.Fact == fact).Select(f => f.Weight).DefaultIfEmpty(0).Max()))
        .Where(t => t.Weight > 0)
        .OrderByDescending(t => t.Weight)
        .Select(t => t.Id)
        .FirstOrDefault();
}

public sealed record LintFinding(string Request, IssueSeverity Severity, string Message, string Fact, string? Topic);

/// <param name="Answers">The query values the requests settle (<c>endpoint</c>, <c>host</c>, <c>params</c>…), for the decision steps.</param>
public sealed record LintReport(IReadOnlyList<ParsedRequest> Requests, IReadOnlyList<LintFinding> Findings, IReadOnlyDictionary<string, string> Answers)
{
    public bool FoundRequest => Requests.Count > 0;
}
