using System.Text.Json;

namespace Withings.Sandbox.Apps;

/// <summary><c>{base}/dashboard/apps</c>: create and list sandbox partner apps, validated like the Withings dashboard.</summary>
internal static class DashboardEndpoints
{
    /// <summary>An app registration is a name and a few URLs: a body longer than this is not one.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The address of one app, which a 201's <c>Location</c> points to.</summary>
    public const string GetAppRouteName = "SandboxGetApp";

    private const string Example = "{\"name\": \"My app\", \"callback_urls\": \"https://example.com/withings/callback\"}";

    /// <param name="configureCreate">Conventions for the registration endpoint, e.g. the host's rate limit (it is open to anyone).</param>
    public static RouteGroupBuilder MapDashboardEndpoints(this RouteGroupBuilder root, Action<IEndpointConventionBuilder>? configureCreate = null)
    {
        var dashboard = root.MapGroup("/dashboard/apps");
        dashboard.MapGet("", ListAsync).WithName("SandboxListApps");
        var create = dashboard.MapPost("", CreateAsync).WithName("SandboxCreateApp").DisableAntiforgery();
        configureCreate?.Invoke(create);
        dashboard.MapGet("/{clientId}", GetAsync).WithName(GetAppRouteName);
        // Any other method, in the dashboard's JSON like its other errors (routing's own 405 has no body). Order 1: the
        // endpoints above come first for their methods.
        dashboard.Map("", () => MethodNotAllowed("GET, POST", "lists the apps (GET) and registers one (POST); an app cannot be changed or deleted"))
            .WithOrder(1);
        dashboard.Map("/{clientId}", () => MethodNotAllowed("GET", "shows one app (GET); an app cannot be changed or deleted"))
            .WithOrder(1);
        return root;
    }

    private static async Task<IResult> ListAsync(SandboxApps apps, CancellationToken ct) =>
        TypedResults.Ok(new { apps = (await apps.ListAsync(ct)).Select(Describe) });

    /// <summary>One app as the list shows it, without its secret (which only the registration's answer carries).</summary>
    private static async Task<IResult> GetAsync(string clientId, SandboxApps apps, CancellationToken ct) =>
        await apps.DescribeAsync(clientId, ct) is { } app
            ? TypedResults.Ok(Describe(app))
            : Problems(StatusCodes.Status404NotFound, "No sandbox app has this client id.");

    /// <summary>
    /// JSON <c>{"name": …, "callback_urls": "a,b"}</c> → 201 with the client id and the secret (shown once), or 400 with every
    /// problem in words. The body is read here rather than bound by the framework: a binding failure was a bare 400, which
    /// told an integrator nothing (and inside the portal became a 415 asking for a form).
    /// </summary>
    private static async Task<IResult> CreateAsync(HttpContext http, SandboxApps apps, LinkGenerator links)
    {
        var ct = http.RequestAborted;
        if (!http.Request.HasJsonContentType())
        {
            return Problems(StatusCodes.Status415UnsupportedMediaType, $"Send the app as JSON, with Content-Type: application/json: {Example}.");
        }
        var body = await ReadAtMostAsync(http.Request.Body, MaxBodyBytes, ct);
        if (body is null)
        {
            return Problems(StatusCodes.Status413PayloadTooLarge, $"The body is over {MaxBodyBytes / 1024} KB; an app is a name and its callback URLs: {Example}.");
        }
        var (name, callbackUrls, problem) = ReadRegistration(body.Value);
        if (problem is not null)
        {
            return Problems(StatusCodes.Status400BadRequest, problem);
        }

        var (created, problems) = await apps.CreateAsync(name, callbackUrls, ct);
        if (created is null)
        {
            return TypedResults.BadRequest(new { problems });
        }
        // An absolute path (with the sandbox's base) to an address that answers: a relative "apps/{id}" pointed nowhere.
        var location = links.GetPathByName(http, GetAppRouteName, new { clientId = created.App.ClientId });
        return TypedResults.Created(location, new
        {
            client_id = created.App.ClientId,
            client_secret = created.ClientSecret,
            name = created.App.Name,
            callback_urls = created.App.CallbackUrls,
            note = "The client secret is shown only now: the sandbox keeps only a hash of it.",
        });
    }

    /// <summary>The name and the callback URLs of a registration body, or what is wrong with its JSON.</summary>
    private static (string? Name, string? CallbackUrls, string? Problem) ReadRegistration(ReadOnlyMemory<byte> body)
    {
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (null, null, $"The body is empty: send {Example}.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return (null, null, $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): send {Example}.");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null, $"The body must be a JSON object, not {Kind(document.RootElement.ValueKind)}: send {Example}.");
            }
            var (name, nameProblem) = StringMember(document.RootElement, "name", "the app's name");
            var (callbackUrls, urlsProblem) = StringMember(document.RootElement, "callback_urls",
                "one URL, or several separated by commas as in the Withings dashboard");
            var problem = string.Join(" ", new[] { nameProblem, urlsProblem }.OfType<string>());
            return (name, callbackUrls, problem.Length > 0 ? problem : null);
        }
    }

    /// <summary>A member that must be a JSON string when present; missing or null is left to the app rules to report.</summary>
    private static (string? Value, string? Problem) StringMember(JsonElement root, string name, string whatItHolds) =>
        !root.TryGetProperty(name, out var member) || member.ValueKind == JsonValueKind.Null ? (null, null)
        : member.ValueKind == JsonValueKind.String ? (member.GetString(), null)
        : (null, $"\"{name}\" must be a JSON string ({whatItHolds}), not {Kind(member.ValueKind)}.");

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static async Task<ReadOnlyMemory<byte>?> ReadAtMostAsync(Stream body, int maxBytes, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The dashboard's error shape, <c>{"problems": [...]}</c>, for what is wrong with the request itself.</summary>
    private static IResult Problems(int status, string problem) => Results.Json(new { problems = new[] { problem } }, statusCode: status);

    private static IResult MethodNotAllowed(string allow, string whatTheAddressDoes) => new MethodNotAllowedAnswer(allow, whatTheAddressDoes);

    /// <summary>405 with its <c>Allow</c> header and the dashboard's <c>{"problems": [...]}</c>.</summary>
    private sealed class MethodNotAllowedAnswer(string allow, string whatTheAddressDoes) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Allow = allow;
            return Problems(StatusCodes.Status405MethodNotAllowed,
                $"{httpContext.Request.Method} is not taken here: this address {whatTheAddressDoes}.").ExecuteAsync(httpContext);
        }
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
