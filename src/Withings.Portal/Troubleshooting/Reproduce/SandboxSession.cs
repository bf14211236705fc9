using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Withings.Client;
using Withings.Portal.WithingsApi;
using Withings.Sandbox;

namespace Withings.Portal.Troubleshooting.Reproduce;

/// <summary>
/// One run's dealings with the embedded sandbox, as the portal's own sandbox app and the demo user: fresh codes from
/// the consent form, tokens from a code exchange, and the raw calls of a topic. Requests go to the portal's own
/// <c>/sandbox</c> over loopback (<see cref="OwnServerLoopback"/>). Every secret it sends or receives is taught to
/// <see cref="Redactor"/>, and nothing it records leaves the runner before redaction.
/// </summary>
internal sealed class SandboxSession
{
    /// <summary>The address requests are written to; <see cref="OwnServerLoopback"/> connects them to this very process.</summary>
    public const string Origin = $"http://{OwnServerLoopback.Host}";
    public const string Base = OwnServerLoopback.SandboxBase;
    private const int DemoUser = 38100001;

    private readonly HttpClient http;
    private readonly PortalSandboxApp app;
    private readonly TimeProvider time;
    private readonly WithingsClient client;
    private readonly List<HttpExchange> setup = [];
    private int generation;

    public SandboxSession(HttpClient http, PortalSandboxApp app, TimeProvider time)
    {
        this.http = http;
        this.app = app;
        this.time = time;
        client = new WithingsClient(http, Options.Create(new WithingsApiOptions
        {
            AccountBaseUrl = SandboxLayout.BaseUrls(Base).AccountBaseUrl,
            ApiBaseUrl = SandboxLayout.BaseUrls(Base).ApiBaseUrl,
            ClientId = app.ClientId,
            ClientSecret = app.ClientSecret,
            CallbackUrl = app.RedirectUri,
        }), time);
        Redactor.Add(app.ClientSecret, "<client_secret>");
    }

    public SecretRedactor Redactor { get; } = new();

    public string ClientId => app.ClientId;

    public string ClientSecret => app.ClientSecret;

    public string RedirectUri => app.RedirectUri;

    public string? AccessToken { get; private set; }

    public string? RefreshToken { get; private set; }

    /// <summary>The exchanges made since the last call, to show as that call's preparation.</summary>
    public IReadOnlyList<HttpExchange> TakeSetup()
    {
        var taken = setup.ToList();
        setup.Clear();
        return taken;
    }

    /// <summary>Presses "Allow this app" on the consent page for the demo user and reads the code from the redirect.</summary>
    public async Task<string> NewCodeAsync(CancellationToken cancellationToken)
    {
        var consent = await SendAsync("POST", "/account/oauth2_user/authorize2",
        [
            new("response_type", "code", "body"), new("client_id", app.ClientId, "body"), new("redirect_uri", app.RedirectUri, "body"),
            new("scope", "user.info,user.metrics,user.activity", "body"), new("state", "troubleshoot", "body"), new("mode", "demo", "body"),
            new("user", DemoUser.ToString(System.Globalization.CultureInfo.InvariantCulture), "body"), new("decision", "allow", "body"),
        ], cancellationToken);
        setup.Add(consent);
        var location = consent.ResponseHeaders.FirstOrDefault(h => h.Key.Equals("Location", StringComparison.OrdinalIgnoreCase)).Value;
        return CodeIn(location) ?? throw new SandboxSetupException(
            $"The sandbox's consent page gave no code (HTTP {consent.ResponseStatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"}).");
    }

    /// <summary>The demo user's tokens, from one consent and code exchange per run.</summary>
    public async Task EnsureTokensAsync(CancellationToken cancellationToken)
    {
        if (AccessToken is not null)
        {
            return;
        }
        var code = await NewCodeAsync(cancellationToken);
        Learn(Expect(await client.ExchangeCodeAsync(code, cancellationToken: cancellationToken), "exchange a code for tokens"));
    }

    /// <summary>
    /// Exchanges the code once first, so it is spent. Signed, for the same reason as <see cref="RotateRefreshTokenAsync"/>:
    /// an identical exchange within 10 s would answer 601 instead of showing the spent code.
    /// </summary>
    public async Task SpendCodeAsync(string code, CancellationToken cancellationToken)
    {
        var nonce = Expect(await client.GetNonceAsync(cancellationToken: cancellationToken), "get a nonce");
        Expect(await client.ExchangeCodeSignedAsync(code, nonce.Nonce, cancellationToken: cancellationToken), "spend the code");
    }

    /// <summary>
    /// Refreshes, then uses the new access token, which kills the old refresh token; returns the old one. The refresh is
    /// signed (nonce + signature): sent with the secret, the call that follows would be "the same arguments within 10 s"
    /// and get 601 before its token is even looked at.
    /// </summary>
    public async Task<string> RotateRefreshTokenAsync(CancellationToken cancellationToken)
    {
        await EnsureTokensAsync(cancellationToken);
        var old = RefreshToken!;
        var nonce = Expect(await client.GetNonceAsync(cancellationToken: cancellationToken), "get a nonce");
        Learn(Expect(await client.RefreshSignedAsync(old, nonce.Nonce, cancellationToken: cancellationToken), "refresh the tokens"));
        Expect(await client.GetDevicesAsync(AccessToken!, cancellationToken), "use the new access token");
        return old;
    }

    /// <summary>Sends one call as written (no client logic), records it unredacted for the runner, learns new tokens.</summary>
    public async Task<HttpExchange> SendAsync(string method, string path, IReadOnlyList<CallParameter> parameters, CancellationToken cancellationToken)
    {
        var query = parameters.Where(p => p.In == "query").Select(p => KeyValuePair.Create(p.Name, p.Value)).ToList();
        var url = Base + path + (query.Count == 0 ? "" : "?" + string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")));
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        var form = parameters.Where(p => p.In == "body").Select(p => KeyValuePair.Create(p.Name, p.Value)).ToList();
        if (form.Count > 0)
        {
            request.Content = new FormUrlEncodedContent(form);
        }
        foreach (var header in parameters.Where(p => p.In == "header"))
        {
            request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }
        // Secrets in the call are the placeholders the runner filled (already known to the redactor). Literal values from
        // the topic (client_secret=not-the-app-secret) are not secrets, and showing them is the point.
        var requestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);

        var started = time.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Redactor.AddResponseSecrets(body);
            Redactor.Add(CodeIn(response.Headers.Location?.ToString()), "<code>");
            LearnFrom(body);
            // Recorded as sent: the runner redacts at the end, with every label the run has learned by then.
            return HttpExchange.Record(request, requestBody, response, body, Elapsed(started), text => text);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new SandboxSetupException($"The sandbox could not be reached from the portal: {ex.Message}");
        }
    }

    private long Elapsed(long started) => (long)time.GetElapsedTime(started).TotalMilliseconds;

    private T Expect<T>(WithingsResult<T> result, string what)
    {
        setup.Add(result.Exchange);
        return result.IsSuccess ? result.Body : throw new SandboxSetupException($"Could not {what} in the sandbox: {result.Error.Message}");
    }

    private void Learn(TokenResponse tokens) => Learn(tokens.AccessToken, tokens.RefreshToken);

    /// <summary>
    /// Each new pair gets numbered labels (<c>&lt;refresh_token_2&gt;</c>…), so a reader can tell a rotated token from
    /// the one that replaced it although both are hidden.
    /// </summary>
    private void Learn(string accessToken, string refreshToken)
    {
        generation++;
        var suffix = generation == 1 ? "" : $"_{generation}";
        AccessToken = accessToken;
        RefreshToken = refreshToken;
        Redactor.Add(accessToken, $"<access_token{suffix}>");
        Redactor.Add(refreshToken, $"<refresh_token{suffix}>");
    }

    /// <summary>A successful token answer among the topic's own calls replaces the session's tokens (rotation).</summary>
    private void LearnFrom(string body)
    {
        if (Expectations.BodyStatus(body) != 0)
        {
            return;
        }
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.TryGetProperty("body", out var tokens) && tokens.ValueKind == JsonValueKind.Object &&
            tokens.TryGetProperty("access_token", out var access) && access.ValueKind == JsonValueKind.String &&
            tokens.TryGetProperty("refresh_token", out var refresh) && refresh.ValueKind == JsonValueKind.String)
        {
            Learn(access.GetString()!, refresh.GetString()!);
        }
    }

    private static string? CodeIn(string? location)
    {
        if (location is null || !Uri.TryCreate(location, UriKind.Absolute, out var uri))
        {
            return null;
        }
        return QueryHelpers.ParseQuery(uri.Query).TryGetValue("code", out var code) ? code.ToString() : null;
    }
}

/// <param name="In"><c>body</c>, <c>query</c> or <c>header</c>.</param>
internal sealed record CallParameter(string Name, string Value, string In);

/// <summary>The portal's own app in the sandbox (<c>Sandbox:PortalApp</c>); its callback is the redirect_uri.</summary>
internal sealed record PortalSandboxApp(string ClientId, string ClientSecret, string RedirectUri);

/// <summary>A precondition of a call could not be made true; shown in place of the call.</summary>
internal sealed class SandboxSetupException(string message) : Exception(message);
