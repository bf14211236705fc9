using System.Data.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Withings.Portal.Shell;
using Withings.Portal.Troubleshooting.Cases;
using Withings.Portal.Troubleshooting.Diagnosis;
using Withings.Portal.Troubleshooting.Paste;
using Withings.Portal.Troubleshooting.Redaction;
using Withings.Portal.Troubleshooting.Steps;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Components.Pages.Troubleshooting.Paste;

/// <remarks>
/// The form carries no antiforgery token, so that the pages holding it stay cacheable for everyone (like the reproduce
/// and feedback forms): a cross-site post is refused with <see cref="SameOriginFormPost"/>, and diagnosing and saving are
/// each limited per client address. Diagnosing changes nothing on the server.
/// </remarks>
public partial class PasteBox
{
    public const string FormName = "paste";
    public const string TextField = "paste-text";
    public const string ActionField = "paste-action";
    public const string RestoredField = "paste-restored";
    public const string DiagnoseAction = "diagnose";
    public const string SaveAction = "save";

    [Inject] private TopicLibrary Topics { get; set; } = null!;
    [Inject] private DiagnosisEngine Engine { get; set; } = null!;
    [Inject] private CaseService Cases { get; set; } = null!;
    [Inject] private CaseCreationLimiter Limiter { get; set; } = null!;
    [Inject] private PasteDiagnosisLimiter DiagnosisLimiter { get; set; } = null!;
    [Inject] private UnmatchedPasteLog Unmatched { get; set; } = null!;
    [Inject] private ILogger<PasteBox> Logger { get; set; } = null!;

    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    [Parameter] public string Heading { get; set; } = "Paste an error";

    /// <summary>Set on <c>/cases/new</c>: the topic, step and path a step page passed (see <see cref="CaseRoutes.NewFromStep"/>).</summary>
    [Parameter] public string? TopicId { get; set; }

    [Parameter] public string? StepId { get; set; }

    [Parameter] public string? StepPath { get; set; }

    /// <summary>Ask portal.js to fill an empty box with this tab's last paste (redacted) and diagnose it.</summary>
    [Parameter] public bool RestoreDraft { get; set; }

    [SupplyParameterFromForm(Name = TextField, FormName = FormName)] private string? PostedText { get; set; }

    [SupplyParameterFromForm(Name = ActionField, FormName = FormName)] private string? PostedAction { get; set; }

    [SupplyParameterFromForm(Name = RestoredField, FormName = FormName)] private bool PostedRestored { get; set; }

    /// <summary>What the box shows after a post: the text with its secrets replaced, when it is short enough to redact.</summary>
    private string? Echo { get; set; }
    private RedactedText? EchoRedacted { get; set; }
    private DiagnosisReport? Report { get; set; }
    private IReadOnlyDictionary<string, string> Links { get; set; } = new Dictionary<string, string>();
    private CaseTrail? Trail { get; set; }
    private SavedCase? Saved { get; set; }
    private string? SaveProblem { get; set; }
    private bool Refused { get; set; }

    /// <summary>This address asked for more diagnoses than its allowance: the text is kept, nothing is diagnosed.</summary>
    private bool TooManyDiagnoses { get; set; }
    private bool RestoredDraft { get; set; }

    private bool SentTooLarge => Report is null &&
        HttpContext?.Request.Query[OversizedPasteRedirect.QueryKey].ToString() == OversizedPasteRedirect.QueryValue;

    private bool CanSave => Trail is not null || Report?.Outcome is DiagnosisOutcome.Diagnosed or DiagnosisOutcome.NoMatch;

    /// <summary>
    /// What portal.js does with this tab's draft: keep the redacted text the box now shows, clear an older draft when
    /// this text could not be kept, or bring the draft back into the empty case form.
    /// </summary>
    private string? DraftInstruction =>
        Report is null ? (RestoreDraft ? "restore" : null)
        : EchoRedacted is not null && Report.Outcome is DiagnosisOutcome.Diagnosed or DiagnosisOutcome.NoMatch ? "keep"
        : "clear";

    protected override void OnParametersSet() =>
        Trail = CaseTrail.FromQuery(Topics.Current, TopicId, StepId, StepPath);

    private async Task SubmitAsync()
    {
        if (HttpContext is not null && SameOriginFormPost.IsCrossSite(HttpContext.Request))
        {
            Refused = true;
            HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var text = PostedText ?? "";
        // Saving diagnoses again but has an allowance of its own.
        if (PostedAction != SaveAction && !DiagnosisLimiter.TryAcquire(HttpContext?.Connection.RemoteIpAddress?.ToString()))
        {
            TooManyDiagnoses = true;
            Echo = text.Length <= PasteLimits.MaxDraftChars ? PasteRedactor.Redact(text).Text : text;
            if (HttpContext is not null)
            {
                HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            }
            return;
        }
        Diagnose(text);
        if (PostedAction == SaveAction)
        {
            await SaveAsync(text);
        }
    }

    private void Diagnose(string text)
    {
        Report = Engine.Diagnose(text);
        var topics = Topics.Current;
        Links = Report.Diagnoses.Concat(Report.NearestIfWithings).ToDictionary(d => d.Topic,
            d => TopicLinks.WithPrefill(topics.Get(d.Topic), Report.Prefill), StringComparer.Ordinal);
        RestoredDraft = PostedRestored && Report.Outcome is DiagnosisOutcome.Diagnosed or DiagnosisOutcome.NoMatch;
        if (Report.Outcome is DiagnosisOutcome.NoMatch or DiagnosisOutcome.NotWithings && !PostedRestored)
        {
            // In the background: the reader never waits on the database for it.
            _ = Unmatched.RecordAsync(text, UnmatchedPaste.FromPasteBox);
        }

        // Redacting costs up to ~2 ms per KB of crafted input, so only paste-sized texts come back redacted; a longer one
        // comes back as the visitor sent it (this response is never cached, and nothing of it is stored or logged).
        if (text.Length <= PasteLimits.MaxDraftChars)
        {
            EchoRedacted = PasteRedactor.Redact(text);
            Echo = EchoRedacted.Text;
            SearchQuery = HelpSearchQuery(EchoRedacted.Text);
        }
        else
        {
            Echo = text;
        }
    }

    /// <summary>What "Search the help pages" looks for after "No diagnosis": the redacted text's last line.</summary>
    private string? SearchQuery { get; set; }

    private const int MaxSearchQueryChars = 80;

    /// <summary>
    /// The last line that says something (a traceback ends in its exception, a log in its latest record), cut at a word
    /// to <see cref="MaxSearchQueryChars"/>. Only ever given redacted text: it goes into a link.
    /// </summary>
    internal static string? HelpSearchQuery(string redacted)
    {
        var line = redacted.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Any(char.IsLetter));
        if (line is null || line.Length <= MaxSearchQueryChars)
        {
            return line;
        }
        var cut = line.LastIndexOf(' ', MaxSearchQueryChars);
        return line[..(cut > MaxSearchQueryChars / 4 ? cut : MaxSearchQueryChars)];
    }

    /// <summary>The text itself was refused (empty, or over the limit): the box is marked invalid and points at why.</summary>
    private bool TextRefused => Saved is null && Report?.Outcome is DiagnosisOutcome.Empty or DiagnosisOutcome.TooLarge;

    private async Task SaveAsync(string text)
    {
        if (Report!.Outcome == DiagnosisOutcome.TooLarge)
        {
            return;
        }
        if (Report.Outcome == DiagnosisOutcome.Empty && Trail is null)
        {
            SaveProblem = "Paste the error first: a case without text or steps would tell support nothing.";
            return;
        }
        if (!Limiter.TryAcquire(HttpContext?.Connection.RemoteIpAddress?.ToString()))
        {
            SaveProblem = "You have saved several cases in a short time. Wait a few minutes and try again; your text is still here.";
            return;
        }

        try
        {
            var diagnoses = Report.Diagnoses
                .Select(d => new CaseDiagnosis(d.Topic, d.Title, d.Score, Links[d.Topic], d.Evidence))
                .ToList();
            Saved = await Cases.CreateAsync(new NewCase(text, diagnoses, Trail), HttpContext?.RequestAborted ?? CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or TimeoutException)
        {
            Logger.LogWarning(ex, "A troubleshooting case could not be saved");
            SaveProblem = "The case could not be saved just now. Try again in a moment; your text is still here.";
        }
    }
}
