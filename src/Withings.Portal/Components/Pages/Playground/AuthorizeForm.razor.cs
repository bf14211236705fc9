using Microsoft.AspNetCore.Components;
using Withings.Client;
using Withings.Portal.Playground;

namespace Withings.Portal.Components.Pages.Playground;

/// <summary>
/// Step 1 of the playground as a plain form post, so that a visitor without a linked user opens no circuit: "Build"
/// starts a flow (its state and app, with a brought secret, kept in <see cref="PendingAuthorizations"/>), "Exchange"
/// exchanges a pasted code. Both read the same app fields. The secret and the code are never rendered back: they are
/// posted each time and live only in server memory (the pending authorization, the linked user) once used. A code
/// Withings refused as invalid is described instead (see <see cref="RefusedCodeShape"/>).
/// </summary>
/// <remarks>
/// The page is never cached (it carries an antiforgery token), so the token protects the posts as on the support pages.
/// What the visitor typed comes back in the fields, except the secret and the code; the last Build's
/// fields but the secret come back on a later load too (<see cref="AuthorizeFields"/>: Back from the consent page).
/// </remarks>
public partial class AuthorizeForm
{
    public const string FormName = "playground";
    public const string ScopeField = "scope";
    public const string DemoField = "demo";
    public const string ClientIdField = "own-client-id";
    public const string SecretField = "own-secret";
    public const string CallbackField = "own-callback";
    public const string CodeField = "pasted-code";
    public const string ActionField = "playground-action";
    public const string BuildAction = "build";
    public const string ExchangeAction = "exchange";
    private const string ExchangeButtonId = "exchange-pasted-code";

    [Inject] private PlaygroundSetup Setup { get; set; } = null!;
    [Inject] private PlaygroundFlow Flow { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    [Parameter] public string? ClientAddress { get; set; }

    /// <summary>Called with the link's id when a pasted code linked a user (the page then shows that user's section).</summary>
    [Parameter] public EventCallback<string> Linked { get; set; }

    [SupplyParameterFromForm(Name = ActionField, FormName = FormName)] private string? PostedAction { get; set; }

    [SupplyParameterFromForm(Name = ScopeField, FormName = FormName)] private string[]? PostedScopes { get; set; }

    [SupplyParameterFromForm(Name = DemoField, FormName = FormName)] private bool PostedDemo { get; set; }

    [SupplyParameterFromForm(Name = ClientIdField, FormName = FormName)] private string? ClientId { get; set; }

    [SupplyParameterFromForm(Name = SecretField, FormName = FormName)] private string? Secret { get; set; }

    [SupplyParameterFromForm(Name = CallbackField, FormName = FormName)] private string? Callback { get; set; }

    [SupplyParameterFromForm(Name = CodeField, FormName = FormName)] private string? Code { get; set; }

    private bool Posted => PostedAction is not null;

    /// <summary>What the last "Build" kept (<see cref="AuthorizeFields"/>), read on a page load; a post brings its own.</summary>
    private AuthorizeFields? Kept { get; set; }

    /// <summary>Every scope on a first visit, or those of the last "Build"; after a post, the ones ticked (unknown values dropped).</summary>
    private IReadOnlySet<string> Scopes
    {
        get
        {
            IEnumerable<string> chosen = Posted ? PostedScopes ?? [] : Kept?.Scopes ?? WithingsScopes.All;
            return WithingsScopes.All.Where(scope => chosen.Contains(scope, StringComparer.Ordinal)).ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>mode=demo is on by default (or as the last "Build" had it); after a post, as the check box was (an unticked box posts nothing).</summary>
    private bool Demo => Posted ? PostedDemo : Kept?.Demo ?? true;

    private bool OwnAppTyped => !string.IsNullOrWhiteSpace(ClientId) || !string.IsNullOrWhiteSpace(Secret) || !string.IsNullOrWhiteSpace(Callback);

    private string? OwnAppProblem { get; set; }
    private string? OwnAppStatus { get; set; }
    private string? BuildProblem { get; set; }
    private string? ExchangeProblem { get; set; }
    private PlaygroundApp? App { get; set; }
    private PendingAuthorization? Authorization { get; set; }
    private string? AuthorizeUrl { get; set; }
    private CodeExchangeOutcome? Outcome { get; set; }

    private string Origin => Navigation.BaseUri.TrimEnd('/');

    /// <summary>
    /// After Withings refused a pasted code as invalid, what it looked like (its length, and whether it held more or less
    /// than a code), so that a paste of the wrong part can be spotted without the code coming back into the page. A code
    /// refused for something else (the app's credentials or redirect_uri, a limit) is not about its shape.
    /// </summary>
    private string? RefusedCodeShape => Outcome?.Exchange is { RefusedTheCode: true } && Code is { Length: > 0 } pasted
        ? PastedCodeShape.Describe(pasted)
        : null;

    protected override void OnInitialized()
    {
        if (!Posted && AuthorizeFields.Read(HttpContext) is { } kept)
        {
            Kept = kept;
            (ClientId, Callback) = (kept.ClientId, kept.Callback);
        }
    }

    /// <summary>What the form's status says after a post; a refusal before any call is said by its alert.</summary>
    private string? StatusMessage =>
        Outcome?.Exchange is { } exchange ? (exchange.IsSuccess ? "Code exchanged: the user is linked; the tokens and data calls are below." : PostStatus.Of(exchange))
        : AuthorizeUrl is not null ? "authorize2 URL built: the link to open the consent page is below."
        : null;

    private async Task SubmitAsync()
    {
        switch (PostedAction)
        {
            case BuildAction:
                await BuildAsync();
                break;
            case ExchangeAction:
                await ExchangeAsync();
                break;
        }
    }

    private async Task BuildAsync()
    {
        if (Scopes.Count == 0)
        {
            BuildProblem = "Choose at least one scope: the authorize2 URL asks the user for them.";
            return;
        }
        if (await AppAsync(problem => BuildProblem = problem) is not { } app)
        {
            return;
        }
        (Authorization, AuthorizeUrl) = Flow.Authorize(app, [.. WithingsScopes.All.Where(Scopes.Contains)], Demo, Origin);
        App = app;
        if (HttpContext is not null)
        {
            new AuthorizeFields(ClientId?.Trim(), Callback?.Trim(), [.. Scopes], Demo).Remember(HttpContext);
        }
    }

    private async Task ExchangeAsync()
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            ExchangeProblem = "Paste the value of the code parameter from the callback URL.";
            return;
        }
        if (await AppAsync(problem => ExchangeProblem = problem) is not { } app)
        {
            return;
        }
        Outcome = await Flow.ExchangeAsync(app, Code, Origin, ClientAddress, null, null, HttpContext?.RequestAborted ?? CancellationToken.None);
        ExchangeProblem = Outcome.Refusal;
        if (Outcome.LinkId is { } linkId && HttpContext is not null)
        {
            PlaygroundLinks.Remember(HttpContext, linkId);
            await Linked.InvokeAsync(linkId);
        }
    }

    /// <summary>The visitor's own app when they typed one (all three fields, a callback the dashboard accepts), else the portal's.</summary>
    private async Task<PlaygroundApp?> AppAsync(Action<string?> reportPortalAppProblem)
    {
        if (!OwnAppTyped)
        {
            var (portalApp, problem) = await Setup.OwnAppAsync(Origin, HttpContext?.RequestAborted ?? CancellationToken.None);
            reportPortalAppProblem(problem);
            return portalApp;
        }
        (var app, OwnAppProblem) = VisitorApp.From(ClientId, Secret, Callback);
        OwnAppStatus = app is null ? null : $"The flow now runs as {app.ClientId}, redirecting to {app.RedirectUri}.";
        return app;
    }
}
