using System.Globalization;
using Withings.Portal.Troubleshooting.Requests;

namespace Withings.Portal.Troubleshooting.Checks;

/// <summary>
/// The code-age check: how old the authorization code was when it was exchanged, from two times or from pasted log
/// lines (<see cref="CodeAgeCheck"/>). Its answer is the <c>age</c> query key in seconds.
/// </summary>
public static class CodeAgeLiveCheck
{
    public const string RedirectedField = "check_redirected";
    public const string ExchangedField = "check_exchanged";
    public const string LogField = "check_log";
    public const int MaxLogLength = 2000;

    private const string TimeFormats = "write it as 12:00:01, 12:00:01.250 or 2024-05-01T12:00:01Z";

    /// <summary>Null when the form was not sent.</summary>
    public static CheckResult? Run(string? redirectedAt, string? exchangedAt, string? log)
    {
        if (redirectedAt is null && exchangedAt is null && log is null)
        {
            return null;
        }

        CodeAgeVerdict? verdict;
        if (!string.IsNullOrWhiteSpace(log))
        {
            if (log.Length > MaxLogLength)
            {
                return CheckResult.BadInput($"That is {log.Length} characters; this check reads at most {MaxLogLength}. Paste only the callback line and the exchange line.");
            }
            verdict = CodeAgeCheck.FromLog(log);
            if (verdict is null)
            {
                return CheckResult.BadInput(
                    "The log needs two timestamped lines: the callback receiving code=… and, after it, the code exchange " +
                    "(a line with requesttoken, /v2/oauth2 or authorization_code). Or enter the two times instead.");
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(redirectedAt) || string.IsNullOrWhiteSpace(exchangedAt))
            {
                return CheckResult.BadInput("Enter both times (when your callback received the code, and when you exchanged it), or paste the two log lines.");
            }
            foreach (var (value, what) in new[] { (redirectedAt, "callback time"), (exchangedAt, "exchange time") })
            {
                if (LogTimestamps.Parse(value) is null)
                {
                    return CheckResult.BadInput($"The {what} “{value.Trim()}” is not a time: {TimeFormats}.");
                }
            }
            verdict = CodeAgeCheck.Evaluate(redirectedAt, exchangedAt)!;
        }

        if (verdict.Outcome == CodeAgeOutcome.Invalid)
        {
            return CheckResult.BadInput(verdict.Message);
        }
        var expired = verdict.Outcome == CodeAgeOutcome.Expired;
        return new CheckResult(
            expired ? "The code had expired." : "The code was still valid.",
            [new CheckFinding(expired ? CheckFindingKind.Problem : CheckFindingKind.Good, verdict.Message)],
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["age"] = Math.Round(verdict.Seconds, 1).ToString("0.#", CultureInfo.InvariantCulture),
            });
    }
}
