using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Withings.Portal.Troubleshooting.Paste;

/// <summary>
/// A diagnosis that found nothing: only that it happened, when, where from and how long the text was after redaction.
/// The text itself is never stored (it may hold secrets); the support dashboard counts these to see where topics are missing.
/// </summary>
public sealed class UnmatchedPaste
{
    public const string FromPasteBox = "paste";
    public const string FromApi = "api";

    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>Characters in the text after <see cref="Redaction.PasteRedactor"/>.</summary>
    public int RedactedLength { get; set; }

    /// <summary><see cref="FromPasteBox"/> or <see cref="FromApi"/>.</summary>
    public required string Source { get; set; }
}

internal sealed class UnmatchedPasteConfiguration : IEntityTypeConfiguration<UnmatchedPaste>
{
    private static readonly ValueConverter<DateTimeOffset, DateTime> Utc =
        new(value => value.UtcDateTime, value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));

    public void Configure(EntityTypeBuilder<UnmatchedPaste> entity)
    {
        entity.ToTable("UnmatchedPastes");
        entity.Property(p => p.Source).HasMaxLength(16).IsUnicode(false);
        entity.Property(p => p.At).HasConversion(Utc);
        entity.HasIndex(p => p.At);
    }
}
