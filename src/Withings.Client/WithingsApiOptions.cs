using System.ComponentModel.DataAnnotations;

namespace Withings.Client;

/// <summary>
/// Where the Withings API lives and which partner app calls it (section <c>Withings</c>). The same client talks
/// to the real hosts or to the sandbox: in sandbox mode only the two base URLs (e.g. <c>https://host/sandbox/account</c>
/// and <c>https://host/sandbox/wbsapi</c>) and the credentials change.
/// </summary>
public sealed class WithingsApiOptions
{
    public const string Section = "Withings";
    public const string RealAccountBaseUrl = "https://account.withings.com";
    public const string RealApiBaseUrl = "https://wbsapi.withings.net";

    /// <summary>Stands for <c>https://account.withings.com</c> (the authorize2 consent page).</summary>
    [Required, Url]
    public string AccountBaseUrl { get; set; } = RealAccountBaseUrl;

    /// <summary>Stands for <c>https://wbsapi.withings.net</c> (token, signature and data services).</summary>
    [Required, Url]
    public string ApiBaseUrl { get; set; } = RealApiBaseUrl;

    public string? ClientId { get; set; }

    /// <summary>Never logged or shown: every exchange the client returns has it replaced by <c>&lt;client_secret&gt;</c>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The redirect_uri sent to authorize2 and to the code exchange (they must be identical).</summary>
    public string? CallbackUrl { get; set; }

    /// <summary>Upper bound for one call, retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Upper bound for one attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Extra attempts for idempotent data reads after a network failure, a timeout or an HTTP 5xx. Token calls never retry.</summary>
    [Range(0, 5)]
    public int DataReadRetries { get; set; } = 2;

    /// <summary>First retry delay (exponential back-off with jitter after that).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(300);
}

/// <summary>A partner app's credentials, for calls made on behalf of an app other than the configured one.</summary>
public sealed record WithingsCredentials(string ClientId, string ClientSecret, string? CallbackUrl = null)
{
    public override string ToString() => $"WithingsCredentials {{ ClientId = {ClientId}, ClientSecret = <client_secret> }}";
}
