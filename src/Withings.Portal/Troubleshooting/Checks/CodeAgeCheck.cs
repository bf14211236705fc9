using System.Globalization;

namespace Withings.Portal.Troubleshooting.Checks;

/// <summary>
/// The code-age live check: an authorization code lives 30 s and is single-use (https://developer.withings.com/developer-guide/v3/integration-guide/public-health-data-api/get-access/oauth-authorization-url/), so the time
/// between the redirect to the callback and the code exchange decides whether "invalid code" is an expiry.
/// </summary>
public static class CodeAgeCheck
{
    public const int CodeLifetimeSeconds = 30;

    public static CodeAgeVerdict Evaluate(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < 0)
        {
            return new CodeAgeVerdict(seconds, CodeAgeOutcome.Invalid,
                "The exchange cannot come before the redirect: check the two times.");
        }
        var shown = seconds.ToString("0.#", CultureInfo.InvariantCulture);
        return seconds > CodeLifetimeSeconds
            ? new CodeAgeVerdict(seconds, CodeAgeOutcome.Expired,
                $"The code was {shown} s old when it was exchanged: codes expire after {CodeLifetimeSeconds} s. Exchange it as soon as the callback receives it.")
            : new CodeAgeVerdict(seconds, CodeAgeOutcome.InTime,
                $"The code was {shown} s old when it was exchanged, within the {CodeLifetimeSeconds} s lifetime: look at reuse (a second exchange of the same code) or a mangled value instead.");
    }

    /// <summary>Reads the two times as typed in the form (<c>12:00:01.250</c>, ISO timestamps) and evaluates their difference.</summary>
    public static CodeAgeVerdict? Evaluate(string redirectedAt, string exchangedAt)
    {
        var redirect = LogTimestamps.Parse(redirectedAt);
        var exchange = LogTimestamps.Parse(exchangedAt);
        return redirect is null || exchange is null ? null : Evaluate(LogTimestamps.SecondsBetween(redirect.Value, exchange.Value));
    }

    /// <summary>
    /// Finds, in a log, the line where the callback received <c>code=</c> and the later line of the code exchange,
    /// both with timestamps, and evaluates the time between them.
    /// </summary>
    public static CodeAgeVerdict? FromLog(string text) =>
        CodeAgeFinder.Find(text) is { } seconds ? Evaluate(seconds) : null;
}

public enum CodeAgeOutcome
{
    InTime,
    Expired,
    Invalid,
}

public sealed record CodeAgeVerdict(double Seconds, CodeAgeOutcome Outcome, string Message);
