using System.ComponentModel.DataAnnotations;

namespace Withings.Portal.Troubleshooting.Api;

/// <summary>Limits of the public <c>POST /api/diagnose</c> endpoint (section <c>Troubleshooting:DiagnoseApi</c>).</summary>
public sealed class DiagnoseApiOptions
{
    public const string Section = "Troubleshooting:DiagnoseApi";

    public const string RateLimitPolicy = "diagnose";

    /// <summary>Requests one client IP may send per window.</summary>
    [Range(1, 10_000)]
    public int PermitLimit { get; set; } = 30;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;
}
