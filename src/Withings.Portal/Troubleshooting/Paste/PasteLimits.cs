using Withings.Portal.Troubleshooting.Diagnosis;

namespace Withings.Portal.Troubleshooting.Paste;

public static class PasteLimits
{
    /// <summary>
    /// Largest circuit message the portal accepts (SignalR's <c>MaximumReceiveMessageSize</c>): the paste box sends its
    /// whole text with each change, so a text at the engine's limit must fit even when JSON escaping makes it longer.
    /// A larger paste still reaches the engine and gets its "too large" answer; only beyond this does the browser's
    /// connection drop (and the text stays in the page).
    /// </summary>
    public const long MaxCircuitMessageBytes = 4L * DiagnosisLimits.MaxInputBytes;
}
