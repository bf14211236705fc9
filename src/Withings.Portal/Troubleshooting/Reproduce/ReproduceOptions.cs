using System.ComponentModel.DataAnnotations;

namespace Withings.Portal.Troubleshooting.Reproduce;

/// <summary>"Reproduce it" settings (section <c>Troubleshooting:Reproduce</c>).</summary>
public sealed class ReproduceOptions
{
    public const string Section = "Troubleshooting:Reproduce";
    public const string RateLimitPolicy = "troubleshooter-reproduce";

    /// <summary>
    /// Runs per minute per client address. Each run makes up to a dozen sandbox calls as the portal's own sandbox app,
    /// whose quota (120 per minute, like a real app) the playground shares.
    /// </summary>
    [Range(1, 1000)]
    public int PermitsPerMinute { get; set; } = 6;

    /// <summary>How long one sandbox call may take before the run says so (a slow or stuck API must not hold the page).</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 30;
}
