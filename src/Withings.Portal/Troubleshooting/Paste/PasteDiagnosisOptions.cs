using System.ComponentModel.DataAnnotations;

namespace Withings.Portal.Troubleshooting.Paste;

/// <summary>
/// The paste box's Diagnose per client address (section <c>Troubleshooting:PasteBox</c>). It runs the same engine as
/// <c>POST /api/diagnose</c>, so it is limited too, or a program refused by the API would post the box instead; the
/// allowance is larger than the API's, as it is counted for a person (or an office behind one address) pasting by hand.
/// </summary>
public sealed class PasteDiagnosisOptions
{
    public const string Section = "Troubleshooting:PasteBox";

    [Range(1, 10_000)]
    public int PermitLimit { get; set; } = 60;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;
}
