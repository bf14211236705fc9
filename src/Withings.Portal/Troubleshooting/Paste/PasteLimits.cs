using Withings.Portal.Troubleshooting.Diagnosis;

namespace Withings.Portal.Troubleshooting.Paste;

/// <summary>Sizes around the paste box, derived from the engine's limit (1 MiB of UTF-8).</summary>
public static class PasteLimits
{
    /// <summary>
    /// Characters the box accepts (its <c>maxlength</c>; MudBlazor's default would silently cut a paste at 512 Ki).
    /// Twice the engine's limit, so a paste somewhat over it stays whole in the box while the engine says it is too large.
    /// </summary>
    public const int MaxPasteChars = 2 * DiagnosisLimits.MaxInputBytes;

    /// <summary>
    /// Longest form value the portal reads (<c>FormOptions.ValueLengthLimit</c>, default 4 MiB): the box posts its whole
    /// text URL-encoded, and a full box must get through even when every character takes three UTF-8 bytes, each
    /// written as <c>%XX</c> (9 bytes a character). Anything larger did not come from the box; it gets the box's own
    /// message (<see cref="OversizedPasteRedirect"/>) rather than a server error.
    /// </summary>
    public const int MaxFormValueBytes = 9 * MaxPasteChars;

    /// <summary>
    /// Longest paste kept (redacted) in the tab's session storage for <c>/cases/new</c>. Redacting costs up to ~2 ms per
    /// KB of crafted input and the box can be diagnosed again and again, so only paste-sized texts are kept; a longer
    /// one is pasted again on the case form.
    /// </summary>
    public const int MaxDraftChars = 64 * 1024;
}
