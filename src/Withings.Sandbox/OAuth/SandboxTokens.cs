using Microsoft.EntityFrameworkCore;
using Withings.Sandbox.Data;
using Withings.Sandbox.Wire;

namespace Withings.Sandbox.OAuth;

/// <summary>A pair handed out by the token service; the values exist only in this answer, the database keeps hashes.</summary>
internal sealed record IssuedTokens(int UserId, string AccessToken, string RefreshToken, string Scopes);

/// <summary>A valid access token, with its user.</summary>
internal sealed record AuthenticatedUser(SandboxUser User, int AppId, IReadOnlySet<string> Scopes);

/// <summary>
/// Codes and tokens with the real lifetimes. A code lives 30 s and is used once
/// (https://developer.withings.com/developer-guide/v3/integration-guide/public-health-data-api/get-access/oauth-authorization-url/).
/// An access token lives 3 h; a refresh token 1 year, rotated on every refresh, the old one valid until the new access
/// token is first used or for 8 h
/// (https://developer.withings.com/developer-guide/v3/integration-guide/dropship-cellular/get-access/access-and-refresh-tokens/).
/// </summary>
internal sealed class SandboxTokens(IDbContextFactory<SandboxDbContext> factory, TimeProvider time)
{
    public const int CodeLifetimeSeconds = 30;
    public const int AccessTokenLifetimeSeconds = 10800;
    public const long RefreshTokenLifetimeSeconds = 365L * 24 * 3600;
    public const int RotationGraceSeconds = 8 * 3600;

    private long Now => time.GetUtcNow().ToUnixTimeSeconds();

    public async Task<string> IssueCodeAsync(int appId, int userId, string redirectUri, string scopes, CancellationToken cancellationToken)
    {
        var code = Secrets.NewToken();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.AuthorizationCodes.Add(new SandboxAuthorizationCode
        {
            CodeHash = Secrets.Hash(code), AppId = appId, UserId = userId, RedirectUri = redirectUri, Scopes = scopes,
            CreatedAt = Now, ExpiresAt = Now + CodeLifetimeSeconds,
        });
        await db.SaveChangesAsync(cancellationToken);
        return code;
    }

    /// <summary>Null when the code is unknown, expired, already used or another app's; a redirect problem is reported separately.</summary>
    public async Task<(IssuedTokens? Tokens, bool RedirectMismatch)> ExchangeCodeAsync(int appId, string? code, string? redirectUri, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(code))
        {
            return (null, false);
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var hash = Secrets.Hash(code);
        var stored = await db.AuthorizationCodes.SingleOrDefaultAsync(c => c.CodeHash == hash, cancellationToken);
        if (stored is null || stored.AppId != appId || stored.UsedAt is not null || Now >= stored.ExpiresAt)
        {
            return (null, false);
        }
        if (!string.Equals(stored.RedirectUri, redirectUri, StringComparison.Ordinal))
        {
            return (null, true);
        }
        stored.UsedAt = Now;
        var tokens = Issue(db, appId, stored.UserId, stored.Scopes, rotatedFrom: null);
        await db.SaveChangesAsync(cancellationToken);
        return (tokens, false);
    }

    /// <summary>Null when the refresh token is unknown, revoked, expired, past its rotation grace, another app's, or its user is deleted.</summary>
    public async Task<IssuedTokens?> RefreshAsync(int appId, string? refreshToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(refreshToken))
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var hash = Secrets.Hash(refreshToken);
        var stored = await db.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (stored is null || stored.AppId != appId || stored.RevokedAt is not null || Now >= stored.ExpiresAt ||
            (stored.RotatedAt is { } rotated && Now >= rotated + RotationGraceSeconds))
        {
            return null;
        }
        var user = await db.Users.FindAsync([stored.UserId], cancellationToken);
        if (user is null || user.State == AccountState.Deleted)
        {
            return null;
        }
        stored.RotatedAt ??= Now;
        var tokens = Issue(db, appId, stored.UserId, stored.Scopes, rotatedFrom: stored);
        await db.SaveChangesAsync(cancellationToken);
        return tokens;
    }

    /// <summary>
    /// Checks an access token. Its first use ends the grace period of the refresh token it was rotated from.
    /// A deleted user's tokens are invalid.
    /// </summary>
    public async Task<AuthenticatedUser?> AuthenticateAsync(string accessToken, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var hash = Secrets.Hash(accessToken);
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null || Now >= token.ExpiresAt)
        {
            return null;
        }
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == token.UserId, cancellationToken);
        if (user is null || user.State == AccountState.Deleted)
        {
            return null;
        }
        if (token.FirstUsedAt is null)
        {
            token.FirstUsedAt = Now;
            if (token.RotatedFromRefreshTokenId is { } previousId &&
                await db.RefreshTokens.FindAsync([previousId], cancellationToken) is { RevokedAt: null } previous)
            {
                previous.RevokedAt = Now;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return new AuthenticatedUser(user, token.AppId, token.Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
    }

    private IssuedTokens Issue(SandboxDbContext db, int appId, int userId, string scopes, SandboxRefreshToken? rotatedFrom)
    {
        var access = Secrets.NewToken();
        var refresh = Secrets.NewToken();
        db.AccessTokens.Add(new SandboxAccessToken
        {
            TokenHash = Secrets.Hash(access), AppId = appId, UserId = userId, Scopes = scopes,
            IssuedAt = Now, ExpiresAt = Now + AccessTokenLifetimeSeconds, RotatedFromRefreshTokenId = rotatedFrom?.Id,
        });
        db.RefreshTokens.Add(new SandboxRefreshToken
        {
            TokenHash = Secrets.Hash(refresh), AppId = appId, UserId = userId, Scopes = scopes,
            IssuedAt = Now, ExpiresAt = Now + RefreshTokenLifetimeSeconds,
        });
        return new IssuedTokens(userId, access, refresh, scopes);
    }
}
