using Withings.Portal.Troubleshooting.Requests;

namespace Withings.Portal.Troubleshooting.Checks;

/// <summary>
/// The request check: a pasted curl command, raw HTTP request or URL, read by <see cref="RequestLinter"/> (host, path,
/// method, parameters in the query or the body, action, client_id, token placement, OAuth 1.0). The values the
/// request settles (<c>params</c>, <c>host</c>, <c>endpoint</c>…, see <see cref="RequestPrefill"/>) answer the step's question.
/// </summary>
public static class RequestLintLiveCheck
{
    public const string RequestField = "check_request";

    /// <summary>The form sends the text in the address (a GET, so the result can be cached and linked): keep it short.</summary>
    public const int MaxLength = 2000;

    /// <summary>
    /// What a paste over <see cref="MaxLength"/> gets ({0}: its length). The page says it, and so does portal.js before
    /// the form is sent, since a paste of tens of kilobytes would make an address the server refuses (414) before this
    /// check could answer.
    /// </summary>
    public const string TooLongTemplate =
        "That is {0} characters; this check reads at most 2000. Paste only the request (the curl command or the first lines of the HTTP request).";

    /// <summary>Null when the form was not sent.</summary>
    public static CheckResult? Run(string? text, RequestLinter linter)
    {
        if (text is null)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return CheckResult.BadInput("Paste the request to check: a curl command, a raw HTTP request or the URL.");
        }
        if (text.Length > MaxLength)
        {
            return CheckResult.BadInput(TooLongTemplate.Replace("{0}", text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        var report = linter.Lint(text);
        if (!report.FoundRequest)
        {
            return CheckResult.BadInput(
                "No request found in this text. Paste a curl command (curl -X POST https://wbsapi.withings.net/v2/oauth2 -d action=requesttoken …), " +
                "a raw HTTP request starting with a line such as POST /v2/oauth2 HTTP/1.1, or a full URL.");
        }

        var findings = new List<CheckFinding>();
        findings.AddRange(report.Requests.Select(r => new CheckFinding(CheckFindingKind.Note, $"Read: {r.Describe()}")));
        findings.AddRange(report.Findings.Select(f => new CheckFinding(
            f.Severity == IssueSeverity.Error ? CheckFindingKind.Problem : CheckFindingKind.Note, Sentence(f.Message), f.Topic)));
        var problems = report.Findings.Count;
        var headline = problems == 0
            ? "No problem found in this request."
            : $"{problems} thing{(problems == 1 ? "" : "s")} to fix in this request.";
        return new CheckResult(headline, findings, report.Answers);
    }

    private static string Sentence(string message) =>
        message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..] + (message.EndsWith('.') ? "" : ".");
}
