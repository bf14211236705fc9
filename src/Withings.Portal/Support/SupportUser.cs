using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Withings.Portal.Support;

/// <summary>
/// A support staff account (ASP.NET Core Identity). The user name is the e-mail address; accounts are made by an admin
/// or, for the first admin, from configuration at start-up. Nobody registers themselves.
/// </summary>
public sealed class SupportUser : IdentityUser
{
    /// <summary>May add and disable support accounts.</summary>
    public bool IsAdmin { get; set; }

    /// <summary>Set when an admin disabled the account: it can no longer sign in, and open sessions end.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

// The tables Identity's user-only store reads (users, their claims, logins and tokens), configured here rather than by
// deriving the portal's context from IdentityDbContext, so that Data/ does not depend on this folder.
internal sealed class SupportUserConfiguration :
    IEntityTypeConfiguration<SupportUser>,
    IEntityTypeConfiguration<IdentityUserClaim<string>>,
    IEntityTypeConfiguration<IdentityUserLogin<string>>,
    IEntityTypeConfiguration<IdentityUserToken<string>>
{
    private const int MaxKeyLength = 128;

    public void Configure(EntityTypeBuilder<SupportUser> entity)
    {
        entity.ToTable("SupportUsers");
        entity.HasKey(u => u.Id);
        entity.Property(u => u.Id).HasMaxLength(64);
        entity.HasIndex(u => u.NormalizedUserName).HasDatabaseName("SupportUserNameIndex").IsUnique();
        entity.HasIndex(u => u.NormalizedEmail).HasDatabaseName("SupportUserEmailIndex");
        entity.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
        entity.Property(u => u.UserName).HasMaxLength(256);
        entity.Property(u => u.NormalizedUserName).HasMaxLength(256);
        entity.Property(u => u.Email).HasMaxLength(256);
        entity.Property(u => u.NormalizedEmail).HasMaxLength(256);
        entity.Property(u => u.PhoneNumber).HasMaxLength(64);
        entity.Property(u => u.DisabledAt).HasConversion(SupportColumns.Utc);
        entity.Property(u => u.CreatedAt).HasConversion(SupportColumns.Utc);
        entity.HasMany<IdentityUserClaim<string>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
        entity.HasMany<IdentityUserLogin<string>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
        entity.HasMany<IdentityUserToken<string>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
    }

    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> entity)
    {
        entity.ToTable("SupportUserClaims");
        entity.HasKey(c => c.Id);
    }

    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> entity)
    {
        entity.ToTable("SupportUserLogins");
        entity.HasKey(l => new { l.LoginProvider, l.ProviderKey });
        entity.Property(l => l.LoginProvider).HasMaxLength(MaxKeyLength);
        entity.Property(l => l.ProviderKey).HasMaxLength(MaxKeyLength);
    }

    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> entity)
    {
        entity.ToTable("SupportUserTokens");
        entity.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
        entity.Property(t => t.LoginProvider).HasMaxLength(MaxKeyLength);
        entity.Property(t => t.Name).HasMaxLength(MaxKeyLength);
    }
}
