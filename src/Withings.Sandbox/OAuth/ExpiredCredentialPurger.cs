using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Withings.Hosting;
using Withings.Sandbox.Data;

namespace Withings.Sandbox.OAuth;

/// <summary>
/// Deletes authorization codes, nonces and tokens that can no longer be used, once the sandbox's tables are ready and then
/// every <see cref="SandboxOptions.PurgeInterval"/>: anyone may post the consent form or exchange codes, and the rows
/// would otherwise only grow. A deleted one answers exactly as an expired one did (<c>invalid code</c>,
/// <c>invalid refresh_token</c>, 401, <c>invalid nonce</c>), so nothing a client sees changes. Only counts are logged.
/// </summary>
internal sealed partial class ExpiredCredentialPurger(
    IDbContextFactory<SandboxDbContext> factory, SandboxDatabaseInitializer database, IOptions<SandboxOptions> options, TimeProvider time,
    ILogger<ExpiredCredentialPurger> logger) : PeriodicDatabaseJob(time)
{
    /// <summary>Rows deleted per statement: a short write lock on SQLite, which the sandbox's requests share.</summary>
    public const int BatchSize = 1_000;

    /// <summary>Statements per table and run, so that one run stays bounded; what is left waits for the next run.</summary>
    public const int MaxBatchesPerRun = 100;

    protected override Task TablesReady => database.Ready;

    protected override TimeSpan Interval => options.Value.PurgeInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var purged = await PurgeOnceAsync(cancellationToken);
        if (purged.Total > 0)
        {
            LogPurged(purged.Codes, purged.AccessTokens, purged.RefreshTokens, purged.Nonces);
        }
    }

    protected override void ReportFailure(Exception exception) => LogFailed(exception);

    /// <summary>One run: what can no longer be used, as of now, at most <see cref="MaxBatchesPerRun"/> batches a table.</summary>
    public async Task<PurgedCredentials> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow().ToUnixTimeSeconds();
        var rotatedBefore = now - SandboxTokens.RotationGraceSeconds;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return new PurgedCredentials(
            await DeleteInBatchesAsync(db.AuthorizationCodes.Where(c => c.ExpiresAt <= now).OrderBy(c => c.Id), cancellationToken),
            await DeleteInBatchesAsync(db.AccessTokens.Where(t => t.ExpiresAt <= now).OrderBy(t => t.Id), cancellationToken),
            // Expired, revoked, or past the grace that follows its rotation: RefreshAsync refuses each the same way.
            await DeleteInBatchesAsync(db.RefreshTokens.Where(t => t.ExpiresAt <= now || t.RevokedAt != null || t.RotatedAt <= rotatedBefore)
                .OrderBy(t => t.Id), cancellationToken),
            await DeleteInBatchesAsync(db.Nonces.Where(n => n.ExpiresAt <= now).OrderBy(n => n.Id), cancellationToken));
    }

    private static async Task<int> DeleteInBatchesAsync<T>(IOrderedQueryable<T> purgeable, CancellationToken cancellationToken)
    {
        var deleted = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var count = await purgeable.Take(BatchSize).ExecuteDeleteAsync(cancellationToken);
            deleted += count;
            if (count < BatchSize)
            {
                break;
            }
        }
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Deleted {Codes} authorization code(s), {AccessTokens} access token(s), {RefreshTokens} refresh token(s) and {Nonces} nonce(s) the sandbox can no longer accept")]
    private partial void LogPurged(int codes, int accessTokens, int refreshTokens, int nonces);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting the sandbox's expired codes, tokens and nonces failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}

/// <summary>How many rows of each kind one purge deleted.</summary>
internal sealed record PurgedCredentials(int Codes, int AccessTokens, int RefreshTokens, int Nonces)
{
    public int Total => Codes + AccessTokens + RefreshTokens + Nonces;
}
