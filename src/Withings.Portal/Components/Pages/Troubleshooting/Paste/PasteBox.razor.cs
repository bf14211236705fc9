using System.Data.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.EntityFrameworkCore;
using Withings.Portal.Troubleshooting.Cases;
using Withings.Portal.Troubleshooting.Diagnosis;
using Withings.Portal.Troubleshooting.Paste;
using Withings.Portal.Troubleshooting.Redaction;
using Withings.Portal.Troubleshooting.Steps;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Components.Pages.Troubleshooting.Paste;

public partial class PasteBox
{
    /// <summary>Session-storage key of the last paste of this tab (redacted), which <c>/cases/new</c> restores.</summary>
    public const string DraftKey = "portal-paste-draft";

    [Inject] private TopicLibrary Topics { get; set; } = null!;
    [Inject] private DiagnosisEngine Engine { get; set; } = null!;
    [Inject] private CaseService Cases { get; set; } = null!;
    [Inject] private CaseCreationLimiter Limiter { get; set; } = null!;
    [Inject] private ProtectedSessionStorage Session { get; set; } = null!;
    [Inject] private UnmatchedPasteLog Unmatched { get; set; } = null!;
    [Inject] private ILogger<PasteBox> Logger { get; set; } = null!;

    [Parameter] public string Heading { get; set; } = "Paste an error";

    /// <summary>The visitor's address, from the hosting page's request: case saving is limited per address.</summary>
    [Parameter] public string? ClientAddress { get; set; }

    /// <summary>Set on <c>/cases/new</c>: the topic, step and path a step page passed (see <see cref="CaseRoutes.NewFromStep"/>).</summary>
    [Parameter] public string? TopicId { get; set; }

    [Parameter] public string? StepId { get; set; }

    [Parameter] public string? StepPath { get; set; }

    /// <summary>Fill the box with this tab's last paste (redacted) once the circuit is up.</summary>
    [Parameter] public bool RestoreDraft { get; set; }

    private string? Text { get; set; }
    private DiagnosisReport? Report { get; set; }
    private IReadOnlyDictionary<string, string> Links { get; set; } = new Dictionary<string, string>();
    private CaseTrail? Trail { get; set; }
    private SavedCase? Saved { get; set; }
    private string? SaveProblem { get; set; }
    private bool Saving { get; set; }
    private bool RestoredDraft { get; set; }

    private bool CanSave => RendererInfo.IsInteractive &&
        (Trail is not null || Report?.Outcome is DiagnosisOutcome.Diagnosed or DiagnosisOutcome.NoMatch);

    protected override void OnParametersSet() =>
        Trail = CaseTrail.FromQuery(Topics.Current, TopicId, StepId, StepPath);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RestoreDraft || !RendererInfo.IsInteractive || !string.IsNullOrEmpty(Text))
        {
            return;
        }
        try
        {
            var draft = await Session.GetAsync<string>(DraftKey);
            if (draft is { Success: true, Value.Length: > 0 })
            {
                Text = draft.Value;
                RestoredDraft = true;
                Diagnose();
                StateHasChanged();
            }
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or Microsoft.JSInterop.JSException)
        {
            // A draft written under another key ring, or storage the browser refuses: start from an empty box.
            Logger.LogDebug(ex, "No usable paste draft in session storage");
        }
    }

    private void Diagnose()
    {
        Saved = null;
        SaveProblem = null;
        Report = Engine.Diagnose(Text);
        var topics = Topics.Current;
        Links = Report.Diagnoses.ToDictionary(d => d.Topic,
            d => TopicLinks.WithPrefill(topics.Get(d.Topic), Report.Prefill), StringComparer.Ordinal);
        if (Report.Outcome is DiagnosisOutcome.Diagnosed or DiagnosisOutcome.NoMatch)
        {
            _ = RememberDraftAsync(Text!);
        }
        if (Report.Outcome is DiagnosisOutcome.NoMatch or DiagnosisOutcome.NotWithings && !RestoredDraft)
        {
            _ = Unmatched.RecordAsync(Text!, UnmatchedPaste.FromPasteBox);
        }
    }

    // Kept redacted, in this tab only, so that "Save as a case" on a step page can bring the text along. A text too
    // long to keep also clears the previous one, so the case form never brings back an older paste.
    private async Task RememberDraftAsync(string text)
    {
        try
        {
            if (text.Length <= PasteLimits.MaxDraftChars)
            {
                await Session.SetAsync(DraftKey, PasteRedactor.Redact(text).Text);
            }
            else
            {
                await Session.DeleteAsync(DraftKey);
            }
        }
        catch (Exception ex) when (ex is Microsoft.JSInterop.JSException or Microsoft.JSInterop.JSDisconnectedException or InvalidOperationException)
        {
            Logger.LogDebug(ex, "The paste draft could not be kept in session storage");
        }
    }

    private async Task SaveAsync()
    {
        SaveProblem = null;
        var text = Text ?? "";
        var report = Engine.Diagnose(text);
        if (report.Outcome == DiagnosisOutcome.TooLarge)
        {
            Report = report;
            return;
        }
        if (report.Outcome == DiagnosisOutcome.Empty && Trail is null)
        {
            SaveProblem = "Paste the error first: a case without text or steps would tell support nothing.";
            return;
        }
        if (!Limiter.TryAcquire(ClientAddress))
        {
            SaveProblem = "You have saved several cases in a short time. Wait a few minutes and try again; your text is still here.";
            return;
        }

        Saving = true;
        try
        {
            var diagnoses = report.Diagnoses
                .Select(d => new CaseDiagnosis(d.Topic, d.Title, d.Score, TopicLinks.WithPrefill(Topics.Current.Get(d.Topic), report.Prefill), d.Evidence))
                .ToList();
            Saved = await Cases.CreateAsync(new NewCase(text, diagnoses, Trail), CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or TimeoutException)
        {
            Logger.LogWarning(ex, "A troubleshooting case could not be saved");
            SaveProblem = "The case could not be saved just now. Try again in a moment; your text is still here.";
        }
        finally
        {
            Saving = false;
        }
    }
}
