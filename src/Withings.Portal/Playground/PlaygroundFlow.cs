using Withings.Client;
using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Playground;

/// <summary>What the callback did, in order, with the time of each step.</summary>
public sealed record CallbackTimeline(DateTimeOffset AuthorizeSentAt, DateTimeOffset CallbackReceivedAt, DateTimeOffset ExchangeDoneAt)
{
    public long CallbackAfterMilliseconds => (long)(CallbackReceivedAt - AuthorizeSentAt).TotalMilliseconds;

    public long ExchangeAfterMilliseconds => (long)(ExchangeDoneAt - CallbackReceivedAt).TotalMilliseconds;
}

/// <summary>The outcome of a callback or of a pasted code.</summary>
public sealed record CodeExchangeOutcome(PlaygroundExchange? Exchange, string? LinkId, PlaygroundLink? Link, string? Refusal, CallbackTimeline? Timeline);

/// <summary>
/// The OAuth 2.0 steps of the playground: the authorize2 URL, the callback (state checked, code exchanged at once), a
/// pasted code, and a refresh that shows the rotation. Token calls are never retried (the client guarantees it), and
/// every call counts against the visitor's limit.
/// </summary>
public sealed class PlaygroundFlow(
    WithingsClient client, PendingAuthorizations pending, PlaygroundLinks links, PlaygroundCallLimiter limiter, TimeProvider time)
{
    /// <summary>The authorize2 URL for <paramref name="app"/>, as the visitor's browser opens it (on the portal's address in sandbox mode).</summary>
    public (PendingAuthorization Authorization, string Url) Authorize(PlaygroundApp app, IReadOnlyList<string> scopes, bool demo, string origin)
    {
        var authorization = pending.Start(app, scopes);
        var url = client.BuildAuthorizeUrl(scopes, authorization.State, demo, app.Credentials).ToString();
        return (authorization, WithingsApi.OwnServerLoopback.AsSeenFrom(url, origin));
    }

    /// <summary>The callback: refuses a missing, unknown or replayed state; otherwise exchanges the code at once.</summary>
    public async Task<CodeExchangeOutcome> CompleteCallbackAsync(string? state, string? code, string? error, string origin, string? clientAddress,
        CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow();
        var (verdict, authorization) = pending.Take(state);
        if (verdict != StateVerdict.Accepted)
        {
            return new(null, null, null, PendingAuthorizations.Explain(verdict), null);
        }
        if (!string.IsNullOrEmpty(error))
        {
            return new(null, null, null, $"The consent page answered error={error} instead of a code (for example, the user pressed Deny).", null);
        }
        if (string.IsNullOrEmpty(code))
        {
            return new(null, null, null, "The callback has a valid state but no code.", null);
        }
        return await ExchangeAsync(authorization!.App, code, origin, clientAddress, authorization.SentAt, receivedAt, cancellationToken);
    }

    /// <summary>
    /// Exchanges a code: from the callback (<paramref name="redirectedAt"/> = when it arrived) or pasted by the visitor.
    /// Success links the user and returns the link's id.
    /// </summary>
    public async Task<CodeExchangeOutcome> ExchangeAsync(PlaygroundApp app, string code, string origin, string? clientAddress,
        DateTimeOffset? sentAt, DateTimeOffset? redirectedAt, CancellationToken cancellationToken)
    {
        if (!limiter.TryAcquire(clientAddress))
        {
            return new(null, null, null, PlaygroundCallLimiter.Refusal, null);
        }
        var result = await client.ExchangeCodeAsync(code.Trim(), app.Credentials, cancellationToken);
        var doneAt = time.GetUtcNow();
        var exchange = PlaygroundExchange.From("Code exchange: POST /v2/oauth2 action=requesttoken grant_type=authorization_code", result, origin,
            "var result = await client.ExchangeCodeAsync(code, new WithingsCredentials(clientId, clientSecret, redirectUri));",
            EndpointKinds.Token, "authorization_code") with
        {
            CodeAgeSeconds = redirectedAt is { } at ? (int)(doneAt - at).TotalSeconds : null,
        };
        var timeline = sentAt is { } sent && redirectedAt is { } received ? new CallbackTimeline(sent, received, doneAt) : null;
        if (!result.IsSuccess)
        {
            return new(exchange, null, null, null, timeline);
        }
        var link = new PlaygroundLink(app, result.Body, doneAt);
        return new(exchange, links.Add(link), link, null, timeline);
    }

    /// <summary>
    /// Refreshes, uses the new access token (which ends the old refresh token's grace period), then sends the old refresh
    /// token once more, signed (a nonce and a signature, so it is not "the same arguments within 10 s"), to show it refused.
    /// </summary>
    public async Task<IReadOnlyList<PlaygroundExchange>> RefreshAsync(PlaygroundLink link, string origin, string? clientAddress, CancellationToken cancellationToken)
    {
        if (!limiter.TryAcquire(clientAddress, 4))
        {
            return [];
        }
        var calls = new List<PlaygroundExchange>();
        var old = link.Tokens.RefreshToken;
        var refresh = await client.RefreshAsync(old, link.App.Credentials, cancellationToken);
        calls.Add(PlaygroundExchange.From("Refresh: POST /v2/oauth2 action=requesttoken grant_type=refresh_token", refresh, origin,
            "var result = await client.RefreshAsync(refreshToken, credentials);", EndpointKinds.Token, "refresh_token"));
        if (!refresh.IsSuccess)
        {
            return calls;
        }
        link.Replace(refresh.Body, time.GetUtcNow());
        var use = await client.GetDevicesAsync(link.Tokens.AccessToken, cancellationToken);
        calls.Add(PlaygroundExchange.From("The new access token in use: POST /v2/user action=getdevice", use, origin,
            "var result = await client.GetDevicesAsync(newAccessToken);", EndpointKinds.Data, action: "getdevice"));
        var nonce = await client.GetNonceAsync(link.App.Credentials, cancellationToken);
        calls.Add(PlaygroundExchange.From("A nonce for the signed retry: POST /v2/signature action=getnonce", nonce, origin,
            "var nonce = await client.GetNonceAsync(credentials);", EndpointKinds.Signature, action: "getnonce"));
        if (nonce.IsSuccess)
        {
            var again = await client.RefreshSignedAsync(old, nonce.Body.Nonce, link.App.Credentials, cancellationToken);
            calls.Add(PlaygroundExchange.From("The old refresh token again (expected to be refused)", again, origin,
                "var result = await client.RefreshSignedAsync(oldRefreshToken, nonce.Body.Nonce, credentials);", EndpointKinds.Token, "refresh_token"));
        }
        return calls;
    }
}
