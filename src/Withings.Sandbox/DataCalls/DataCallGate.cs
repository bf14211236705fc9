using Withings.Sandbox.Data;
using Withings.Sandbox.OAuth;
using Withings.Sandbox.Wire;

namespace Withings.Sandbox.DataCalls;

/// <summary>An authenticated data call that passed the gate.</summary>
internal sealed record DataCall(WithingsRequest Request, string Action, SandboxUser User, int AppId, IReadOnlySet<string> Scopes);

/// <summary>
/// The checks every data service runs before its own, in this order (the real precedence is undocumented): a form body
/// that cannot be read (503, or HTTP 413 when too large) → OAuth 1.0 parameters (342) → unknown action (2554) → missing token (503) → invalid token (401) → rate limit (601) →
/// deactivated user → missing scope.
/// </summary>
internal sealed class DataCallGate(SandboxTokens tokens, SandboxRateLimiter limiter)
{
    /// <param name="actionScopes">The service's actions and the scope each needs (null: any valid token).</param>
    public async Task<(DataCall? Call, IResult? Rejection)> OpenAsync(HttpContext http, IReadOnlyDictionary<string, string?> actionScopes)
    {
        var (request, unreadable) = await WithingsRequest.ReadAsync(http);
        if (request is null)
        {
            return (null, unreadable);
        }
        if (request.UsesOAuth1)
        {
            return (null, WithingsReply.OAuth1Refused());
        }
        if (request.Action is not { } action || !actionScopes.TryGetValue(action, out var scope))
        {
            return (null, WithingsReply.NotImplemented());
        }
        if (request.AccessToken is not { } accessToken)
        {
            return (null, WithingsReply.MissingToken());
        }
        var user = await tokens.AuthenticateAsync(accessToken, http.RequestAborted);
        if (user is null)
        {
            return (null, WithingsReply.InvalidToken());
        }
        if (!limiter.TryAcquire(user.AppId))
        {
            return (null, WithingsReply.TooManyRequests());
        }
        if (user.User.State == AccountState.Deactivated)
        {
            return (null, WithingsReply.UserDeactivated());
        }
        if (scope is not null && !user.Scopes.Contains(scope))
        {
            return (null, WithingsReply.MissingScope(scope));
        }
        return (new DataCall(request, action, user.User, user.AppId, user.Scopes), null);
    }
}
