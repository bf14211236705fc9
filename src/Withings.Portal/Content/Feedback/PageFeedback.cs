using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Withings.Portal.Content.Feedback;

/// <summary>A reader's answer to "Was this helpful?" on one page: one per visitor and page, changeable.</summary>
public sealed class PageFeedback
{
    public const int MaxCommentLength = 2000;
    public const int MaxRouteLength = 200;

    public Guid Id { get; set; }
    public required string PageRoute { get; set; }

    /// <summary>SHA-256 of the visitor's random cookie value: enough to keep one vote per visitor, nothing more.</summary>
    public required string VisitorKey { get; set; }

    public bool Helpful { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class PageFeedbackConfiguration : IEntityTypeConfiguration<PageFeedback>
{
    // SQLite cannot compare, order or group DateTimeOffset values in SQL (the dashboard's feedback over time does);
    // stored as UTC DateTime they work on both providers.
    private static readonly ValueConverter<DateTimeOffset, DateTime> Utc =
        new(value => value.UtcDateTime, value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));

    public void Configure(EntityTypeBuilder<PageFeedback> entity)
    {
        entity.Property(f => f.CreatedAt).HasConversion(Utc);
        entity.Property(f => f.UpdatedAt).HasConversion(Utc);
        entity.Property(f => f.PageRoute).HasMaxLength(PageFeedback.MaxRouteLength);
        entity.Property(f => f.VisitorKey).HasMaxLength(64);
        entity.Property(f => f.Comment).HasMaxLength(PageFeedback.MaxCommentLength);
        entity.HasIndex(f => new { f.PageRoute, f.VisitorKey }).IsUnique();
        entity.HasIndex(f => f.CreatedAt);
    }
}
