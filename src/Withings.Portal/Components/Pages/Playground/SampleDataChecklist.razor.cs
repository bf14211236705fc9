using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Withings.Portal.Playground;

namespace Withings.Portal.Components.Pages.Playground;

public partial class SampleDataChecklist
{
    public const string FormName = "sample-data-checks";

    /// <summary>The button posted: <see cref="CheckAllAction"/>, or an action prefix followed by an item id.</summary>
    public const string ActionField = "sample-data-action";
    public const string CheckAllAction = "check-all";
    public const string CheckPrefix = "check:";
    public const string SimulatePrefix = "simulate:";

    public const string UnknownItem = "That service is not in the checklist: choose one of the buttons below.";
    public const string NoLinkedUser = "No user is linked in this browser yet (or the link expired).";

    [Inject]
    private PlaygroundLinks Links { get; set; } = default!;

    [Inject]
    private SampleDataGuide Guide { get; set; } = default!;

    [Inject]
    private TroubleshooterLinks Topics { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Parameter]
    public string? LinkId { get; set; }

    [Parameter]
    public string? ClientAddress { get; set; }

    [SupplyParameterFromForm(Name = ActionField, FormName = FormName)]
    private string? PostedAction { get; set; }

    private PlaygroundLink? Link { get; set; }
    private bool Busy { get; set; }
    private string? Problem { get; set; }

    /// <summary>What a Simulate of this post did, said to a screen reader (the progress line only counts checks).</summary>
    private string? SimulatedNow { get; set; }

    /// <summary>Tells the rows and the progress what changed during a streamed run, so that only they are sent again.</summary>
    private SampleDataRun Run { get; } = new();

    /// <summary>Whether this request posts the checklist's form (the page answers a post of another form too: the inbox's).</summary>
    private bool Posted => ExpiredLinkPost.PostedFormOf(HttpContext) == FormName;

    protected override async Task OnInitializedAsync()
    {
        Link = Links.Find(LinkId);
        if (Posted && !PostBack.IsEnhanced(HttpContext))
        {
            // No script to apply streamed updates: run the whole post before the page is sent (a post's first rendering
            // is awaited to its end); the submit handler then has nothing left to do.
            await RunAsync(stream: false);
        }
    }

    private Task SubmitAsync() => PostBack.IsEnhanced(HttpContext) ? RunAsync(stream: true) : Task.CompletedTask;

    private async Task RunAsync(bool stream)
    {
        if (Link is null)
        {
            return;
        }
        Busy = true;
        try
        {
            if (PostedAction == CheckAllAction)
            {
                await CheckAsync(SampleDataGuide.Items, stream);
            }
            else if (ItemOf(CheckPrefix) is { } checkedItem)
            {
                await CheckAsync([checkedItem], stream);
            }
            else if (ItemOf(SimulatePrefix) is { } simulated)
            {
                await SimulateAsync(simulated, stream);
            }
            else
            {
                Problem = UnknownItem;
            }
        }
        finally
        {
            Busy = false;
        }
    }

    private SampleDataItem? ItemOf(string prefix) =>
        PostedAction is { } action && action.StartsWith(prefix, StringComparison.Ordinal)
            ? SampleDataGuide.Items.FirstOrDefault(item => item.Id == action[prefix.Length..])
            : null;

    /// <summary>Checks the items one after another, showing each answer as it comes when streaming; stops at the call limit.</summary>
    private async Task CheckAsync(IEnumerable<SampleDataItem> items, bool stream)
    {
        foreach (var item in items)
        {
            var result = await Guide.CheckAsync(item, Link!, Navigation.BaseUri, ClientAddress, CancellationToken.None);
            if (result is null)
            {
                Problem = PlaygroundCallLimiter.Refusal;
                return;
            }
            Link!.RememberCheck(result);
            if (stream)
            {
                Run.Notify(item.Id);
            }
        }
    }

    private async Task SimulateAsync(SampleDataItem item, bool stream)
    {
        var action = await Guide.SimulateAsync(item, Link!, ClientAddress, CancellationToken.None);
        Link!.RememberSimulation(item.Id, action.Message);
        SimulatedNow = $"Simulated: {action.Message}";
        if (action.Done)
        {
            if (stream)
            {
                Run.Notify(item.Id);
            }
            // Every item the same step feeds is checked again, so the list shows what the step produced.
            await CheckAsync(SampleDataGuide.Items.Where(i => i.Simulate == item.Simulate), stream);
        }
    }
}
