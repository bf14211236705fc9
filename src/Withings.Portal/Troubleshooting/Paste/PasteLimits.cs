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
    /// Largest circuit message the portal accepts (SignalR's <c>MaximumReceiveMessageSize</c>, default 32 KB): the box
    /// sends its whole text in one message, so a full box must fit even as multi-byte UTF-8 with JSON escaping. The same
    /// 8 MiB as the body limit of <c>POST /api/diagnose</c>.
    /// </summary>
    public const long MaxCircuitMessageBytes = 8L * DiagnosisLimits.MaxInputBytes;

    /// <summary>
    /// Longest paste kept (redacted) in the tab's session storage for <c>/cases/new</c>. Redacting costs up to ~2 ms per
    /// KB of crafted input and the box can be diagnosed again and again, so only paste-sized texts are kept; a longer
    /// one is pasted again on the case form.
    /// </summary>
    public const int MaxDraftChars = 64 * 1024;
}
