using Microsoft.EntityFrameworkCore;
using Withings.Client;
using Withings.Sandbox.Apps;
using Withings.Sandbox.Data;
using Withings.Sandbox.OAuth;
using Withings.Sandbox.Wire;

namespace Withings.Sandbox.Account;

/// <summary><c>{base}/account</c>, standing for <c>https://account.withings.com</c>: the consent page and the endpoints integrators get wrong.</summary>
internal static class AccountEndpoints
{
    /// <param name="configureConsent">Conventions for the consent post, e.g. the host's rate limit (it is open to anyone and stores a code).</param>
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder root, Action<IEndpointConventionBuilder>? configureConsent = null)
    {
        var account = root.MapGroup(SandboxLayout.Account);
        account.MapGet("/oauth2_user/authorize2", ShowConsentAsync).WithName("SandboxAuthorize2");
        var consent = account.MapPost("/oauth2_user/authorize2", DecideAsync).DisableAntiforgery();
        configureConsent?.Invoke(consent);

        // Simulated, not captured: what the wrong endpoint shows is not documented; the sandbox answers 404 Not Found.
        account.MapMethods("/oauth2_user/authorize", SandboxRoutes.GetAndPost, () => WithingsReply.NotFound());

        // Captured: the token endpoint retired on 2022-02-08 answers 404 "Not Found" (see WithingsReply.NotFound).
        account.MapMethods("/oauth2/token", SandboxRoutes.GetAndPost, () => WithingsReply.NotFound());
        account.MapMethods("/{**rest}", SandboxRoutes.GetAndPost, () => WithingsReply.NotFound());
        return root;
    }

    private static async Task<IResult> ShowConsentAsync(HttpContext http, SandboxApps apps, IDbContextFactory<SandboxDbContext> factory)
    {
        var query = http.Request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        var app = await apps.FindAsync(query.GetValueOrDefault("client_id"), http.RequestAborted);
        var demoMode = query.GetValueOrDefault("mode") == "demo";
        var users = await ChoosableUsersAsync(factory, demoMode, http.RequestAborted);
        // An unknown client id still gets the page: Withings shows "Invalid clientid" only after a user is picked.
        return await StaticPage.RenderAsync<ConsentPage>(http, new()
        {
            [nameof(ConsentPage.Query)] = query,
            [nameof(ConsentPage.AppName)] = app?.Name ?? "This application",
            [nameof(ConsentPage.Users)] = users,
            [nameof(ConsentPage.DemoMode)] = demoMode,
        });
    }

    private static async Task<IResult> DecideAsync(HttpContext http, SandboxApps apps, SandboxTokens tokens, IDbContextFactory<SandboxDbContext> factory)
    {
        var ct = http.RequestAborted;
        if (await ReadConsentFormAsync(http) is not { } form)
        {
            return await NotAConsentFormAsync(http);
        }
        string? Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;

        var app = await apps.FindAsync(Field("client_id"), ct);
        if (app is null)
        {
            // As reported in https://github.com/home-assistant/core/issues/102096; the HTTP status is the sandbox's choice.
            return await StaticPage.RenderAsync<MessagePage>(http, new()
            {
                [nameof(MessagePage.Title)] = "Invalid clientid",
                [nameof(MessagePage.Text)] = "Invalid clientid",
            }, StatusCodes.Status400BadRequest);
        }
        var redirectUri = Field("redirect_uri");
        if (!CallbackUrlRules.MatchRedirectUri(redirectUri, app.CallbackUrlList).IsMatch)
        {
            return WithingsReply.ConsentRedirectUriMismatch();
        }

        var state = Field("state");
        if (Field("decision") != "allow")
        {
            // Simulated: the standard OAuth 2.0 answer to a refusal.
            return Results.Redirect(WithQuery(redirectUri!, ("error", "access_denied"), ("state", state)));
        }
        if (Field("response_type") != "code")
        {
            return Results.Redirect(WithQuery(redirectUri!, ("error", "unsupported_response_type"), ("state", state)));
        }
        var scopes = (Field("scope") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(WithingsScopes.All.Contains).Distinct().ToList();
        if (scopes.Count == 0)
        {
            return Results.Redirect(WithQuery(redirectUri!, ("error", "invalid_scope"), ("state", state)));
        }

        var users = await ChoosableUsersAsync(factory, Field("mode") == "demo", ct);
        var user = users.FirstOrDefault(u => u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == Field("user")) ?? users[0];
        var code = await tokens.IssueCodeAsync(app.Id, user.Id, redirectUri!, string.Join(',', scopes), ct);
        return Results.Redirect(WithQuery(redirectUri!, ("code", code), ("state", state)));
    }

    /// <summary>
    /// The consent form, or null when the body is not a readable form (another content type, malformed, too large): the
    /// form reader throws on those, which escaped as the host's error page with a stack trace in its log.
    /// </summary>
    private static async Task<IFormCollection?> ReadConsentFormAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }
        try
        {
            return await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Simulated, like every page of this sandbox: what Withings answers to such a post is not known.</summary>
    private static Task<IResult> NotAConsentFormAsync(HttpContext http)
    {
        var (status, text) = http.Request.HasFormContentType
            ? (StatusCodes.Status400BadRequest, "The consent form could not be read. Open the authorize2 address in a browser and press “Allow this app”.")
            : (StatusCodes.Status415UnsupportedMediaType, "The consent page takes only its own form (application/x-www-form-urlencoded). " +
                "Open the authorize2 address in a browser and press “Allow this app”; a program posts the same fields as a form.");
        return StaticPage.RenderAsync<MessagePage>(http, new()
        {
            [nameof(MessagePage.Title)] = "Not a consent form",
            [nameof(MessagePage.Text)] = text,
        }, status);
    }

    private static async Task<IReadOnlyList<SandboxUser>> ChoosableUsersAsync(IDbContextFactory<SandboxDbContext> factory, bool demoMode, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct);
        // mode=demo links the demo account; otherwise the demo user comes first and is checked by default.
        return demoMode ? [.. users.Where(u => u.Id == SimulatedUsers.DemoUserId)] : users;
    }

    private static string WithQuery(string url, params (string Name, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }
}
