using Microsoft.AspNetCore.Components;
using Withings.Client;
using Withings.Portal.Playground;

namespace Withings.Portal.Components.Pages.Playground;

/// <summary>
/// The data-call form of the linked user. Static: a post makes the call and renders its answer once; nothing of it is kept
/// in memory afterwards (the answer is in the page, the token stays in <see cref="PlaygroundLinks"/>). The fields are read
/// as posted text (<see cref="DataCallForm"/>), so a mistake is explained and the field keeps what was typed.
/// </summary>
public partial class DataCallsPanel
{
    public const string FormName = "playground-call";
    public const string CallField = "call";
    public const string ShownCallField = "shown-call";
    public const string ActionField = "call-action";
    public const string RunAction = "run";
    public const string ShowAction = "show";
    public const string NextOffsetField = "next-offset";
    public const string MeasureTypesField = "meastype";
    public const string CategoryField = "category";
    public const string StartDateField = "startdate";
    public const string EndDateField = "enddate";
    public const string LastUpdateField = "lastupdate";
    public const string OffsetField = "offset";
    public const string DataFieldsField = "data_fields";
    public const string SignalIdField = "signalid";
    public const string CallbackUrlField = "callbackurl";
    public const string AppliField = "appli";

    [Inject] private WithingsClient Client { get; set; } = null!;
    [Inject] private PlaygroundCallLimiter Limiter { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter, EditorRequired] public PlaygroundLink Link { get; set; } = null!;

    [Parameter] public string? ClientAddress { get; set; }

    [SupplyParameterFromForm(Name = CallField, FormName = FormName)] private string? PostedCall { get; set; }
    [SupplyParameterFromForm(Name = ShownCallField, FormName = FormName)] private string? ShownCall { get; set; }
    [SupplyParameterFromForm(Name = ActionField, FormName = FormName)] private string? PostedAction { get; set; }
    [SupplyParameterFromForm(Name = NextOffsetField, FormName = FormName)] private string? NextOffsetPosted { get; set; }
    [SupplyParameterFromForm(Name = MeasureTypesField, FormName = FormName)] private string[]? MeasureTypes { get; set; }
    [SupplyParameterFromForm(Name = CategoryField, FormName = FormName)] private string? Category { get; set; }
    [SupplyParameterFromForm(Name = StartDateField, FormName = FormName)] private string? StartDate { get; set; }
    [SupplyParameterFromForm(Name = EndDateField, FormName = FormName)] private string? EndDate { get; set; }
    [SupplyParameterFromForm(Name = LastUpdateField, FormName = FormName)] private string? LastUpdate { get; set; }
    [SupplyParameterFromForm(Name = OffsetField, FormName = FormName)] private string? Offset { get; set; }
    [SupplyParameterFromForm(Name = DataFieldsField, FormName = FormName)] private string[]? DataFields { get; set; }
    [SupplyParameterFromForm(Name = SignalIdField, FormName = FormName)] private string? SignalId { get; set; }
    [SupplyParameterFromForm(Name = CallbackUrlField, FormName = FormName)] private string? CallbackUrl { get; set; }
    [SupplyParameterFromForm(Name = AppliField, FormName = FormName)] private string? Appli { get; set; }

    /// <summary>The form as shown: the defaults on a first visit, else what was posted.</summary>
    private DataCallForm Form { get; set; } = DataCallForm.Initial;
    private IReadOnlyList<string> Problems { get; set; } = [];
    private PlaygroundExchange? Result { get; set; }

    /// <summary>What the panel's status says after a post: the fields shown, or the call made and what came back.</summary>
    private string? StatusMessage { get; set; }

    private int? NextOffset => Result?.Body switch
    {
        MeasureResponse { More: true } m => m.Offset,
        ActivityResponse { More: true } a => a.Offset,
        WorkoutsResponse { More: true } w => w.Offset,
        SleepSummaryResponse { More: true } s => s.Offset,
        HeartListResponse { More: true } h => h.Offset,
        _ => null,
    };

    private static string Contents(Reading reading) =>
        reading.IsEmpty ? "The answer holds no data." : $"{reading.Count} item{(reading.Count == 1 ? "" : "s")} in the answer below.";

    private async Task SubmitAsync()
    {
        Form = new DataCallForm
        {
            CallId = PostedCall, MeasureTypes = MeasureTypes ?? [], Category = Category, StartDate = StartDate, EndDate = EndDate,
            LastUpdate = LastUpdate, Offset = NextOffsetPosted ?? Offset, DataFields = DataFields ?? [], SignalId = SignalId,
            CallbackUrl = CallbackUrl, Appli = Appli,
        };
        if (Form.Call.Id != ShownCall)
        {
            // Another call was chosen: show its fields (paging and data_fields belong to the previous call).
            Form = Form.For(Form.Call.Id, DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime));
            StatusMessage = $"The fields of {Form.Call.Title} are shown; nothing was called.";
            return;
        }
        if (PostedAction != RunAction && NextOffsetPosted is null)
        {
            return;
        }
        var (input, problems) = Form.Read();
        Problems = problems;
        if (problems.Count > 0)
        {
            return;
        }
        if (!Limiter.TryAcquire(ClientAddress))
        {
            Problems = [PlaygroundCallLimiter.Refusal];
            return;
        }
        Result = await DataCalls.RunAsync(Client, Link.Tokens.AccessToken, input, Navigation.BaseUri, Time.GetUtcNow(), CancellationToken.None);
        StatusMessage = PostStatus.Of(Result) + (Result.IsSuccess ? " " + Contents(Readings.Of(Result.Body)) : "");
    }
}
