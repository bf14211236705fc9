using Microsoft.EntityFrameworkCore;

namespace Withings.Sandbox.Data;

/// <summary>
/// Everything the sandbox keeps across restarts. Its migration history lives in <c>__SandboxMigrationsHistory</c> and its
/// tables are prefixed <c>Sandbox</c>, so it can share the portal's database. One subclass per provider carries its migrations:
/// <code>
/// dotnet ef migrations add &lt;Name&gt; --project src/Withings.Sandbox --context SqliteSandboxDbContext --output-dir Data/Migrations/Sqlite
/// dotnet ef migrations add &lt;Name&gt; --project src/Withings.Sandbox --context SqlServerSandboxDbContext --output-dir Data/Migrations/SqlServer
/// </code>
/// Tokens, codes, nonces and secrets are stored only as SHA-256 hashes (a client secret also as a Data Protection
/// ciphertext, because verifying a request signature needs the secret itself).
/// </summary>
public abstract class SandboxDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__SandboxMigrationsHistory";

    public DbSet<SandboxApp> Apps => Set<SandboxApp>();
    public DbSet<SandboxUser> Users => Set<SandboxUser>();
    public DbSet<SandboxAuthorizationCode> AuthorizationCodes => Set<SandboxAuthorizationCode>();
    public DbSet<SandboxAccessToken> AccessTokens => Set<SandboxAccessToken>();
    public DbSet<SandboxRefreshToken> RefreshTokens => Set<SandboxRefreshToken>();
    public DbSet<SandboxNonce> Nonces => Set<SandboxNonce>();
    public DbSet<SandboxNotifySubscription> NotifySubscriptions => Set<SandboxNotifySubscription>();
    public DbSet<SandboxUserRecord> UserRecords => Set<SandboxUserRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SandboxDbContext).Assembly, type =>
            type.Namespace == typeof(SandboxDbContext).Namespace);
    }
}

public sealed class SqliteSandboxDbContext(DbContextOptions<SqliteSandboxDbContext> options) : SandboxDbContext(options);

public sealed class SqlServerSandboxDbContext(DbContextOptions<SqlServerSandboxDbContext> options) : SandboxDbContext(options);
