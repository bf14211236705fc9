using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>
/// The "lint a pasted request" live check: parses curl / raw HTTP / URLs / code and reports what is wrong, each
/// finding pointing to the topic that explains it. Which topic a finding belongs to comes from the topic files
/// (the topic that weighs that fact most), not from C#.
/// </summary>
public sealed class RequestLinter(TopicCatalog catalog)
{
    public LintReport Lint(string text)
    {
        var requests = RequestParser.Parse(text);
        var findings = new List<LintFinding>();
        foreach (var request in requests)
        {
            foreach (var issue in RequestRules.Check(request).Where(i => i.Severity != IssueSeverity.Info))
            {
                findings.Add(new LintFinding(request.Describe(), issue.Severity, issue.Message, issue.Fact, TopicFor(issue.Fact)));
            }
        }
        return new LintReport(requests, findings);
    }

    private string? TopicFor(string fact) => catalog.Topics
        .Select(t => (t.Id, Weight: t.Meta.Signals.Facts.Where(f => f.Fact == fact).Select(f => f.Weight).DefaultIfEmpty(0).Max()))
        .Where(t => t.Weight > 0)
        .OrderByDescending(t => t.Weight)
        .Select(t => t.Id)
        .FirstOrDefault();
}

public sealed record LintFinding(string Request, IssueSeverity Severity, string Message, string Fact, string? Topic);

public sealed record LintReport(IReadOnlyList<ParsedRequest> Requests, IReadOnlyList<LintFinding> Findings)
{
    public bool FoundRequest => Requests.Count > 0;
}
