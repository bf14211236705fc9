namespace Withings.Portal.Troubleshooting.Cases;

/// <summary>The URLs of the case pages, for the paste box and for step pages that offer "Save as a case".</summary>
public static class CaseRoutes
{
    public const string New = "/cases/new";

    public static string Case(string id) => $"/cases/{id}";

    /// <summary>
    /// "Save as a case" from a step: <c>/cases/new?topic={id}&amp;step={step}&amp;path={first},…,{step}</c>. The page
    /// restores the text this browser tab pasted last (already redacted) and saves it with the steps.
    /// </summary>
    public static string NewFromStep(string topicId, string stepId, IEnumerable<string>? path = null)
    {
        var query = $"?topic={Uri.EscapeDataString(topicId)}&step={Uri.EscapeDataString(stepId)}";
        var steps = path?.ToList() ?? [];
        return steps.Count > 0
            ? $"{New}{query}&path={string.Join(',', steps.Select(Uri.EscapeDataString))}"
            : New + query;
    }
}
