using Microsoft.EntityFrameworkCore;
using Withings.Sandbox.Data;
using Withings.Sandbox.Wire;

namespace Withings.Sandbox.OAuth;

/// <summary>Nonces of the signature service: 30 minutes, single use (https://developer.withings.com/api-reference, Signature v2 - Getnonce).</summary>
internal sealed class SandboxNonces(IDbContextFactory<SandboxDbContext> factory, TimeProvider time)
{
    public const int LifetimeSeconds = 30 * 60;

    public async Task<string> IssueAsync(int appId, CancellationToken cancellationToken)
    {
        var nonce = Secrets.NewToken();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Nonces.Add(new SandboxNonce { NonceHash = Secrets.Hash(nonce), AppId = appId, ExpiresAt = time.GetUtcNow().ToUnixTimeSeconds() + LifetimeSeconds });
        await db.SaveChangesAsync(cancellationToken);
        return nonce;
    }

    /// <summary>Consumes the nonce: false when it is unknown, another app's, expired or already used.</summary>
    public async Task<bool> TryConsumeAsync(int appId, string? nonce, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(nonce))
        {
            return false;
        }
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var hash = Secrets.Hash(nonce);
        var stored = await db.Nonces.SingleOrDefaultAsync(n => n.NonceHash == hash, cancellationToken);
        if (stored is null || stored.AppId != appId || stored.UsedAt is not null || now >= stored.ExpiresAt)
        {
            return false;
        }
        stored.UsedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
