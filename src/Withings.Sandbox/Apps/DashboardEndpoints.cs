using System.Text.Json.Serialization;

namespace Withings.Sandbox.Apps;

/// <summary>JSON request to create an app: a name and one callback URL or a comma-separated list.</summary>
public sealed record CreateAppRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("callback_urls")] string? CallbackUrls);

/// <summary><c>{base}/dashboard/apps</c>: create and list sandbox partner apps, validated like the Withings dashboard.</summary>
internal static class DashboardEndpoints
{
    /// <param name="configureCreate">Conventions for the registration endpoint, e.g. the host's rate limit (it is open to anyone).</param>
    public static RouteGroupBuilder MapDashboardEndpoints(this RouteGroupBuilder root, Action<IEndpointConventionBuilder>? configureCreate = null)
    {
        var dashboard = root.MapGroup("/dashboard/apps");
        dashboard.MapGet("", ListAsync).WithName("SandboxListApps");
        var create = dashboard.MapPost("", CreateAsync).WithName("SandboxCreateApp").DisableAntiforgery();
        configureCreate?.Invoke(create);
        return root;
    }

    private static async Task<IResult> ListAsync(SandboxApps apps, CancellationToken ct) =>
        TypedResults.Ok(new { apps = (await apps.ListAsync(ct)).Select(Describe) });

    /// <summary>201 with the client id and the secret (shown once), or 400 with every problem in words.</summary>
    private static async Task<IResult> CreateAsync(CreateAppRequest request, SandboxApps apps, CancellationToken ct)
    {
        var (created, problems) = await apps.CreateAsync(request.Name, request.CallbackUrls, ct);
        if (created is null)
        {
            return TypedResults.BadRequest(new { problems });
        }
        return TypedResults.Created($"apps/{created.App.ClientId}", new
        {
            client_id = created.App.ClientId,
            client_secret = created.ClientSecret,
            name = created.App.Name,
            callback_urls = created.App.CallbackUrls,
            note = "The client secret is shown only now: the sandbox keeps only a hash of it.",
        });
    }

    private static object Describe(SandboxAppInfo app) => new
    {
        client_id = app.ClientId,
        name = app.Name,
        callback_urls = app.CallbackUrls,
        restricted_mode = app.RestrictedMode,
        origin = app.Origin,
        created = app.CreatedAt.ToUnixTimeSeconds(),
    };
}
