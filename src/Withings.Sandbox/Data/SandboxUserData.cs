using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Withings.Sandbox.Data;

/// <summary>A notification subscription (per user, app and appli).</summary>
public sealed class SandboxNotifySubscription
{
    public long Id { get; set; }
    public int AppId { get; set; }
    public int UserId { get; set; }
    public int Appli { get; set; }
    public required string CallbackUrl { get; set; }
    public string? Comment { get; set; }
    public long CreatedAt { get; set; }
}

/// <summary>Data a simulated user added (a manual weight, a day of tracker wear, a night…), on top of the seeded data.</summary>
public sealed class SandboxUserRecord
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public UserRecordKind Kind { get; set; }
    public long StartDate { get; set; }
    public long EndDate { get; set; }

    /// <summary>Small JSON with the values the user gave (e.g. <c>{"kg":72.4}</c>); the rest is generated from <see cref="Id"/>.</summary>
    public required string Payload { get; set; }
    public long CreatedAt { get; set; }
}

public enum UserRecordKind
{
    ManualWeight = 1,
    TrackerDay = 2,
    Night = 3,
    Workout = 4,
    BloodPressure = 5,
}

internal sealed class SandboxNotifySubscriptionConfiguration : IEntityTypeConfiguration<SandboxNotifySubscription>
{
    public void Configure(EntityTypeBuilder<SandboxNotifySubscription> builder)
    {
        builder.ToTable("SandboxNotifySubscriptions");
        builder.HasIndex(s => new { s.AppId, s.UserId, s.Appli });
        builder.Property(s => s.CallbackUrl).HasMaxLength(300);
        builder.Property(s => s.Comment).HasMaxLength(500);
    }
}

internal sealed class SandboxUserRecordConfiguration : IEntityTypeConfiguration<SandboxUserRecord>
{
    public void Configure(EntityTypeBuilder<SandboxUserRecord> builder)
    {
        builder.ToTable("SandboxUserRecords");
        builder.HasIndex(r => new { r.UserId, r.Kind, r.StartDate });
        builder.Property(r => r.Payload).HasMaxLength(2000);
    }
}
