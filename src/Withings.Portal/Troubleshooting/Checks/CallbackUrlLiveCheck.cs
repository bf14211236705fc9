using System.Net;
using Withings.Client;

namespace Withings.Portal.Troubleshooting.Checks;

/// <summary>
/// The callback / redirect URL check: Withings' rules for a callback URL (the same <see cref="CallbackUrlRules"/> the
/// sandbox applies when an app is registered or a notification subscribed) and, given the app's registered list, whether
/// the URL is exactly one of them (what authorize2 compares).
/// </summary>
public static class CallbackUrlLiveCheck
{
    public const string UrlField = "check_url";
    public const string RegisteredField = "check_registered";

    /// <summary>Null when the form was not sent.</summary>
    public static CheckResult? Run(string? url, string? registered)
    {
        if (url is null && registered is null)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(url))
        {
            return CheckResult.BadInput("Enter the URL to check, e.g. https://example.com/withings/callback.");
        }

        var check = CallbackUrlRules.Check(url);
        var findings = check.IsValid
            ? [new CheckFinding(CheckFindingKind.Good, $"Withings' rules accept {check.Url}: https, a public host name, port 80 or 443, at most {CallbackUrlRules.MaxLength} characters.")]
            : check.Problems.Select(p => new CheckFinding(CheckFindingKind.Problem, p, "invalid-callback-url")).ToList();
        var answers = new Dictionary<string, string>(StringComparer.Ordinal) { ["url"] = Verdict(check) };

        var entries = (registered ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length > 0)
        {
            var match = CallbackUrlRules.MatchRedirectUri(check.Url, entries);
            answers["registered"] = match.IsMatch ? "yes" : "no";
            findings.Add(new CheckFinding(match.IsMatch ? CheckFindingKind.Good : CheckFindingKind.Problem, match.Message,
                match.IsMatch ? null : "redirect-uri-mismatch"));
            var (_, listProblems) = CallbackUrlRules.CheckList(registered);
            findings.AddRange(listProblems.Select(p => new CheckFinding(CheckFindingKind.Note, $"In the registered list: {p}")));
        }

        var problems = findings.Count(f => f.Kind == CheckFindingKind.Problem);
        var headline = problems == 0
            ? "This URL passes the check."
            : $"{problems} problem{(problems == 1 ? "" : "s")} found.";
        return new CheckResult(headline, findings, answers);
    }

    /// <summary>
    /// The most fundamental thing wrong with the URL (the <c>url</c> query key): not a URL at all, then a local host,
    /// then http, then the port. Fixing a local host usually fixes the others (a tunnel gives https on 443).
    /// </summary>
    public static string Verdict(CallbackUrlCheck check)
    {
        if (check.IsValid)
        {
            return "ok";
        }
        var text = check.Url;
        if (text.Length == 0 || text.Any(char.IsWhiteSpace) || !Uri.TryCreate(text, UriKind.Absolute, out var uri) ||
            uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            return "invalid";
        }
        var host = uri.Host.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) ||
            uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || IPAddress.TryParse(host, out _))
        {
            return "local";
        }
        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return "http";
        }
        return uri.Port is 80 or 443 ? "invalid" : "port";
    }
}
