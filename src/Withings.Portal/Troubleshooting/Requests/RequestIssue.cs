namespace Withings.Portal.Troubleshooting.Requests;

public enum IssueSeverity
{
    /// <summary>What the request is (endpoint, grant): context for the diagnosis, not a mistake.</summary>
    Info,
    Warning,
    Error,
}

/// <summary>One thing a rule noticed about a request; <see cref="Fact"/> is a <see cref="Signals.SignalFacts"/> name.</summary>
public sealed record RequestIssue(string Fact, IssueSeverity Severity, string Message);
