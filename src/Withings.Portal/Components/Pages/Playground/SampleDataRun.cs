namespace Withings.Portal.Components.Pages.Playground;

/// <summary>
/// One rendering of the sample-data checklist: tells its rows and its progress line that an item's result changed, so
/// that a streamed run re-renders (and sends) only that row and the progress, not the whole checklist with every earlier
/// answer once more. Lives as long as the request's components; the results themselves are the linked user's.
/// </summary>
public sealed class SampleDataRun
{
    public event Action<string>? Changed;

    public void Notify(string itemId) => Changed?.Invoke(itemId);
}
