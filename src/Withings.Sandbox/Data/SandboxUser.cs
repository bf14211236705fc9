using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Withings.Sandbox.Data;

/// <summary>A simulated Withings account; <see cref="Id"/> is its Withings userid.</summary>
public sealed class SandboxUser
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public AccountState State { get; set; }

    /// <summary>Whether the seeded demo data (devices, measures, activity, sleep…) exists for this user.</summary>
    public bool HasSeededData { get; set; }

    public required string Timezone { get; set; }
}

public enum AccountState
{
    Active = 1,

    /// <summary>Deletion requested: 7 days during which data calls answer "User is temporarily deactivated".</summary>
    Deactivated = 2,

    /// <summary>Deleted after linking: its access tokens are invalid and a refresh gives "invalid refresh_token".</summary>
    Deleted = 3,
}

internal sealed class SandboxUserConfiguration : IEntityTypeConfiguration<SandboxUser>
{
    public void Configure(EntityTypeBuilder<SandboxUser> builder)
    {
        builder.ToTable("SandboxUsers");
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Name).HasMaxLength(100);
        builder.Property(u => u.Description).HasMaxLength(300);
        builder.Property(u => u.Timezone).HasMaxLength(60);
    }
}
