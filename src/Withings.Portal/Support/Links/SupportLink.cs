using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Withings.Portal.Support.Links;

/// <summary>
/// A link support staff made for a customer: a troubleshooter step with answers already given, behind a short address
/// <c>/l/{code}</c>. Opening it is recorded (<see cref="SupportLinkOpen"/>); a revoked link no longer redirects.
/// </summary>
public sealed class SupportLink
{
    public const int MaxIdLength = 80;
    public const int MaxQueryLength = 1000;
    public const int MaxNoteLength = 200;

    public Guid Id { get; set; }

    /// <summary>The short link's code (<see cref="LinkCodes"/>): 130 random bits.</summary>
    public required string Code { get; set; }

    public required string TopicId { get; set; }
    public required string StepId { get; set; }

    /// <summary>The pre-filled answers as a query string without <c>?</c> (<c>status=503&amp;endpoint=token</c>), or empty.</summary>
    public string Query { get; set; } = "";

    /// <summary>What the staff member wrote to recognise the link later (e.g. a ticket number).</summary>
    public string? Note { get; set; }

    /// <summary>E-mail of the staff member who made it.</summary>
    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The step's own address with the answers: what <c>/l/{code}</c> redirects to.</summary>
    public string Target => Query.Length == 0 ? $"/troubleshoot/{TopicId}/{StepId}" : $"/troubleshoot/{TopicId}/{StepId}?{Query}";
}

/// <summary>
/// One opening of a support link. <see cref="VisitorKey"/> is the hash of the anonymous id the troubleshooter's outcome
/// form uses, so the dashboard can show the outcome recorded on that visit without the help pages knowing about links.
/// </summary>
public sealed class SupportLinkOpen
{
    public Guid Id { get; set; }
    public Guid LinkId { get; set; }
    public required string VisitorKey { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
}

internal sealed class SupportLinkConfiguration : IEntityTypeConfiguration<SupportLink>, IEntityTypeConfiguration<SupportLinkOpen>
{
    public void Configure(EntityTypeBuilder<SupportLink> entity)
    {
        entity.ToTable("SupportLinks");
        entity.Property(l => l.Code).HasMaxLength(LinkCodes.Length).IsUnicode(false);
        entity.HasIndex(l => l.Code).IsUnique();
        entity.Property(l => l.TopicId).HasMaxLength(SupportLink.MaxIdLength);
        entity.Property(l => l.StepId).HasMaxLength(SupportLink.MaxIdLength);
        entity.Property(l => l.Query).HasMaxLength(SupportLink.MaxQueryLength);
        entity.Property(l => l.Note).HasMaxLength(SupportLink.MaxNoteLength);
        entity.Property(l => l.CreatedBy).HasMaxLength(256);
        entity.Property(l => l.CreatedAt).HasConversion(SupportColumns.Utc);
        entity.Property(l => l.RevokedAt).HasConversion(SupportColumns.Utc);
        entity.HasIndex(l => l.CreatedAt);
        entity.HasMany<SupportLinkOpen>().WithOne().HasForeignKey(o => o.LinkId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SupportLinkOpen> entity)
    {
        entity.ToTable("SupportLinkOpens");
        entity.Property(o => o.VisitorKey).HasMaxLength(64);
        entity.Property(o => o.OpenedAt).HasConversion(SupportColumns.Utc);
        entity.HasIndex(o => new { o.LinkId, o.OpenedAt });
    }
}
