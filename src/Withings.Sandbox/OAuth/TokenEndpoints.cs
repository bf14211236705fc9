using System.Globalization;
using Withings.Client;
using Withings.Sandbox.Apps;
using Withings.Sandbox.Data;
using Withings.Sandbox.Wire;

namespace Withings.Sandbox.OAuth;

/// <summary><c>{base}/wbsapi/v2/oauth2</c>: <c>action=requesttoken</c> with the authorization_code and refresh_token grants.</summary>
internal static class TokenEndpoints
{
    public static RouteGroupBuilder MapTokenEndpoints(this RouteGroupBuilder wbsapi)
    {
        wbsapi.MapMethods(WithingsServices.OAuth2.Path, SandboxRoutes.GetAndPost, RequestTokenAsync).WithName("SandboxRequestToken");
        return wbsapi;
    }

    /// <summary>
    /// Order of the checks (the real precedence is undocumented): a readable body → OAuth 1.0 parameters → action → grant_type (body only) →
    /// client_id (body only) → same arguments within 10 s → rate limit → client credentials → the grant.
    /// </summary>
    private static async Task<IResult> RequestTokenAsync(
        HttpContext http, SandboxApps apps, SandboxTokens tokens, SandboxNonces nonces, SandboxRateLimiter limiter)
    {
        var (request, unreadable) = await WithingsRequest.ReadAsync(http);
        if (request is null)
        {
            return unreadable!;
        }
        var ct = http.RequestAborted;
        if (request.UsesOAuth1)
        {
            return WithingsReply.OAuth1Refused();
        }
        if (request.Action != "requesttoken")
        {
            return WithingsReply.NotImplemented();
        }

        // Credentials count only in a form-encoded POST body: sent in the query string (or with GET) they are not seen,
        // which is how integrators meet "invalid grant_type" and "client ID was not specified" (Withings FAQ, https://developer.withings.com/developer-guide/faq/faq/).
        var body = request.Body;
        var grantType = body.GetValueOrDefault("grant_type");
        if (grantType is not ("authorization_code" or "refresh_token"))
        {
            return WithingsReply.InvalidGrantType();
        }
        var clientId = body.GetValueOrDefault("client_id");
        if (string.IsNullOrEmpty(clientId))
        {
            return WithingsReply.ClientIdMissing();
        }
        if (limiter.SameArgumentsWait(request.Fingerprint("oauth2")) is { } wait)
        {
            return WithingsReply.SameArguments(wait);
        }

        var app = await apps.FindAsync(clientId, ct);
        if (app is not null && !limiter.TryAcquire(app.Id))
        {
            return WithingsReply.TooManyRequests();
        }
        if (await CheckClientAsync(app, body, apps, nonces, ct) is { } refused)
        {
            return refused;
        }

        if (grantType == "authorization_code")
        {
            var (issued, redirectMismatch) = await tokens.ExchangeCodeAsync(app!.Id, body.GetValueOrDefault("code"), body.GetValueOrDefault("redirect_uri"), ct);
            if (redirectMismatch)
            {
                return WithingsReply.TokenRedirectUriMismatch();
            }
            return issued is null ? WithingsReply.InvalidCode() : TokenBody(issued);
        }

        var refreshed = await tokens.RefreshAsync(app!.Id, body.GetValueOrDefault("refresh_token"), ct);
        return refreshed is null ? WithingsReply.InvalidRefreshToken() : TokenBody(refreshed);
    }

    /// <summary>client_secret, or the signed variant (nonce + signature over action, client_id, nonce).</summary>
    private static async Task<IResult?> CheckClientAsync(SandboxApp? app, IReadOnlyDictionary<string, string> body, SandboxApps apps, SandboxNonces nonces, CancellationToken ct)
    {
        if (app is null)
        {
            return WithingsReply.InvalidClient();
        }
        if (body.TryGetValue("client_secret", out var secret))
        {
            return Secrets.HashMatches(app.SecretHash, secret) ? null : WithingsReply.InvalidClient();
        }
        if (!body.TryGetValue("signature", out var signature) || !body.TryGetValue("nonce", out var nonce))
        {
            return WithingsReply.InvalidClient();
        }
        var expected = WithingsSignature.ForAction(apps.RevealSecretForSignature(app), "requesttoken", app.ClientId, nonce);
        if (!WithingsSignature.Matches(expected, signature))
        {
            return WithingsReply.InvalidSignature();
        }
        return await nonces.TryConsumeAsync(app.Id, nonce, ct) ? null : WithingsReply.InvalidNonce();
    }

    private static IResult TokenBody(IssuedTokens tokens) => WithingsReply.Ok(new
    {
        // Decision: userid as a string, as in Withings' support article
        // (https://support.withings.com/hc/en-us/articles/360016745358--BREAKING-Shutting-down-access-and-refresh-tokens-endpoints)
        // and the captured Fixtures/withings4j__OAuth_OAuth20-Getyouraccesstoken.json; the OpenAPI example has an integer.
        userid = tokens.UserId.ToString(CultureInfo.InvariantCulture),
        access_token = tokens.AccessToken,
        refresh_token = tokens.RefreshToken,
        scope = tokens.Scopes,
        expires_in = SandboxTokens.AccessTokenLifetimeSeconds,
        token_type = "Bearer",
        // Present in the OpenAPI example (https://developer.withings.com/api-reference) and the captured
        // Fixtures/api-evangelist__withings-oauth2-token-example.json; a random value, like the real one, that nothing checks.
        csrf_token = Secrets.NewToken()[..32],
    });
}
