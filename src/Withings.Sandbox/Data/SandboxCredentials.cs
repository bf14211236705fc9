using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Withings.Sandbox.Data;

// Codes, tokens and nonces are looked up by the SHA-256 of their value; the value itself is never stored.
// Times are Unix seconds: SQLite cannot compare DateTimeOffset values in queries.

public sealed class SandboxAuthorizationCode
{
    public long Id { get; set; }
    public required string CodeHash { get; set; }
    public int AppId { get; set; }
    public int UserId { get; set; }
    public required string RedirectUri { get; set; }
    public required string Scopes { get; set; }
    public long CreatedAt { get; set; }
    public long ExpiresAt { get; set; }
    public long? UsedAt { get; set; }
}

public sealed class SandboxAccessToken
{
    public long Id { get; set; }
    public required string TokenHash { get; set; }
    public int AppId { get; set; }
    public int UserId { get; set; }
    public required string Scopes { get; set; }
    public long IssuedAt { get; set; }
    public long ExpiresAt { get; set; }
    public long? FirstUsedAt { get; set; }

    /// <summary>The refresh token whose rotation produced this token: it dies when this token is first used.</summary>
    public long? RotatedFromRefreshTokenId { get; set; }
}

public sealed class SandboxRefreshToken
{
    public long Id { get; set; }
    public required string TokenHash { get; set; }
    public int AppId { get; set; }
    public int UserId { get; set; }
    public required string Scopes { get; set; }
    public long IssuedAt { get; set; }
    public long ExpiresAt { get; set; }

    /// <summary>First time it was exchanged for a new pair; it stays valid 8 h after that, or until the new access token is used.</summary>
    public long? RotatedAt { get; set; }
    public long? RevokedAt { get; set; }
}

public sealed class SandboxNonce
{
    public long Id { get; set; }
    public required string NonceHash { get; set; }
    public int AppId { get; set; }
    public long ExpiresAt { get; set; }
    public long? UsedAt { get; set; }
}

internal sealed class SandboxAuthorizationCodeConfiguration : IEntityTypeConfiguration<SandboxAuthorizationCode>
{
    public void Configure(EntityTypeBuilder<SandboxAuthorizationCode> builder)
    {
        builder.ToTable("SandboxAuthorizationCodes");
        builder.HasIndex(c => c.CodeHash).IsUnique();
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.Property(c => c.RedirectUri).HasMaxLength(2000);
        builder.Property(c => c.Scopes).HasMaxLength(200);
    }
}

internal sealed class SandboxAccessTokenConfiguration : IEntityTypeConfiguration<SandboxAccessToken>
{
    public void Configure(EntityTypeBuilder<SandboxAccessToken> builder)
    {
        builder.ToTable("SandboxAccessTokens");
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.Scopes).HasMaxLength(200);
    }
}

internal sealed class SandboxRefreshTokenConfiguration : IEntityTypeConfiguration<SandboxRefreshToken>
{
    public void Configure(EntityTypeBuilder<SandboxRefreshToken> builder)
    {
        builder.ToTable("SandboxRefreshTokens");
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.Scopes).HasMaxLength(200);
    }
}

internal sealed class SandboxNonceConfiguration : IEntityTypeConfiguration<SandboxNonce>
{
    public void Configure(EntityTypeBuilder<SandboxNonce> builder)
    {
        builder.ToTable("SandboxNonces");
        builder.HasIndex(n => n.NonceHash).IsUnique();
        builder.Property(n => n.NonceHash).HasMaxLength(64);
    }
}
