using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Withings.Portal.Troubleshooting.Outcomes;

/// <summary>
/// A reader's "This fixed it" / "Still broken" on one fix step: one per visitor and step (a second click replaces the
/// first), counted per topic and step on the support dashboard.
/// </summary>
public sealed class TroubleshooterOutcome
{
    public const int MaxIdLength = 80;

    public Guid Id { get; set; }
    public required string TopicId { get; set; }
    public required string StepId { get; set; }
    public bool Fixed { get; set; }

    /// <summary>SHA-256 of the visitor's random cookie value: enough for one answer per visitor, nothing more.</summary>
    public required string VisitorKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class TroubleshooterOutcomeConfiguration : IEntityTypeConfiguration<TroubleshooterOutcome>
{
    // Stored as UTC DateTime so that SQLite can compare them in SQL (the support dashboard does).
    private static readonly ValueConverter<DateTimeOffset, DateTime> Utc =
        new(value => value.UtcDateTime, value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));

    public void Configure(EntityTypeBuilder<TroubleshooterOutcome> entity)
    {
        entity.Property(o => o.CreatedAt).HasConversion(Utc);
        entity.Property(o => o.UpdatedAt).HasConversion(Utc);
        entity.Property(o => o.TopicId).HasMaxLength(TroubleshooterOutcome.MaxIdLength);
        entity.Property(o => o.StepId).HasMaxLength(TroubleshooterOutcome.MaxIdLength);
        entity.Property(o => o.VisitorKey).HasMaxLength(64);
        entity.HasIndex(o => new { o.TopicId, o.StepId, o.VisitorKey }).IsUnique();
    }
}
