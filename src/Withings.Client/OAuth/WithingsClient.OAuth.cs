using System.Globalization;

namespace Withings.Client;

public sealed partial class WithingsClient
{
    private static readonly string TokenService = WithingsServices.OAuth2.Path;
    private static readonly string SignatureService = WithingsServices.Signature.Path;

    /// <summary>
    /// The authorize2 URL to send the user's browser to. <paramref name="demo"/> adds <c>mode=demo</c> (the demo user).
    /// </summary>
    public Uri BuildAuthorizeUrl(IEnumerable<string> scopes, string state, bool demo = false, WithingsCredentials? credentials = null)
    {
        var (clientId, _, callbackUrl) = Resolve(credentials);
        var query = new List<KeyValuePair<string, string>>
        {
            new("response_type", "code"),
            new("client_id", clientId),
            new("scope", string.Join(',', scopes)),
            new("redirect_uri", callbackUrl ?? throw new InvalidOperationException("No callback URL: set Withings:CallbackUrl or pass credentials with one.")),
            new("state", state),
        };
        if (demo)
        {
            query.Add(new("mode", "demo"));
        }
        var encoded = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return new Uri(CombineUrl(Options.AccountBaseUrl, "oauth2_user/authorize2") + "?" + encoded);
    }

    /// <summary>Exchanges an authorization code (valid 30 s, single use). Never retried: a second try would burn the code.</summary>
    public Task<WithingsResult<TokenResponse>> ExchangeCodeAsync(string code, WithingsCredentials? credentials = null, CancellationToken cancellationToken = default)
    {
        var (clientId, secret, callbackUrl) = Resolve(credentials);
        return CallAsync<TokenResponse>(TokenService,
        [
            new("action", "requesttoken"),
            new("grant_type", "authorization_code"),
            new("client_id", clientId),
            new("client_secret", RequireSecret(secret)),
            new("code", code),
            new("redirect_uri", callbackUrl ?? ""),
        ], accessToken: null, retryable: false, cancellationToken);
    }

    /// <summary>Refreshes; the answer carries a new refresh token that must replace the old one.</summary>
    public Task<WithingsResult<TokenResponse>> RefreshAsync(string refreshToken, WithingsCredentials? credentials = null, CancellationToken cancellationToken = default)
    {
        var (clientId, secret, _) = Resolve(credentials);
        return CallAsync<TokenResponse>(TokenService,
        [
            new("action", "requesttoken"),
            new("grant_type", "refresh_token"),
            new("client_id", clientId),
            new("client_secret", RequireSecret(secret)),
            new("refresh_token", refreshToken),
        ], accessToken: null, retryable: false, cancellationToken);
    }

    /// <summary><c>v2/signature action=getnonce</c>, signed with the current time. A nonce lives 30 minutes and is single use.</summary>
    public Task<WithingsResult<NonceResponse>> GetNonceAsync(WithingsCredentials? credentials = null, CancellationToken cancellationToken = default)
    {
        var (clientId, secret, _) = Resolve(credentials);
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        return CallAsync<NonceResponse>(SignatureService,
        [
            new("action", "getnonce"),
            new("client_id", clientId),
            new("timestamp", timestamp.ToString(CultureInfo.InvariantCulture)),
            new("signature", WithingsSignature.ForNonce(RequireSecret(secret), clientId, timestamp)),
        ], accessToken: null, retryable: false, cancellationToken);
    }

    /// <summary>The signed code exchange: <c>nonce</c> + <c>signature</c> instead of <c>client_secret</c>.</summary>
    public Task<WithingsResult<TokenResponse>> ExchangeCodeSignedAsync(string code, string nonce, WithingsCredentials? credentials = null, CancellationToken cancellationToken = default)
    {
        var (clientId, secret, callbackUrl) = Resolve(credentials);
        return CallAsync<TokenResponse>(TokenService,
        [
            new("action", "requesttoken"),
            new("grant_type", "authorization_code"),
            new("client_id", clientId),
            new("nonce", nonce),
            new("signature", WithingsSignature.ForAction(RequireSecret(secret), "requesttoken", clientId, nonce)),
            new("code", code),
            new("redirect_uri", callbackUrl ?? ""),
        ], accessToken: null, retryable: false, cancellationToken);
    }

    /// <summary>The signed refresh: <c>nonce</c> + <c>signature</c> instead of <c>client_secret</c>.</summary>
    public Task<WithingsResult<TokenResponse>> RefreshSignedAsync(string refreshToken, string nonce, WithingsCredentials? credentials = null, CancellationToken cancellationToken = default)
    {
        var (clientId, secret, _) = Resolve(credentials);
        return CallAsync<TokenResponse>(TokenService,
        [
            new("action", "requesttoken"),
            new("grant_type", "refresh_token"),
            new("client_id", clientId),
            new("nonce", nonce),
            new("signature", WithingsSignature.ForAction(RequireSecret(secret), "requesttoken", clientId, nonce)),
            new("refresh_token", refreshToken),
        ], accessToken: null, retryable: false, cancellationToken);
    }

    private (string ClientId, string? Secret, string? CallbackUrl) Resolve(WithingsCredentials? credentials) =>
        credentials is not null
            ? (credentials.ClientId, credentials.ClientSecret, credentials.CallbackUrl ?? Options.CallbackUrl)
            : (Options.ClientId ?? throw new InvalidOperationException("No client id: set Withings:ClientId or pass credentials."),
               Options.ClientSecret, Options.CallbackUrl);

    private static string RequireSecret(string? secret) =>
        string.IsNullOrEmpty(secret) ? throw new InvalidOperationException("No client secret: set Withings:ClientSecret or pass credentials.") : secret;
}
