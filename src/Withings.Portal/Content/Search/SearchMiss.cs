using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Withings.Portal.Content.Search;

/// <summary>A search that found nothing, counted per distinct query, for the support dashboard.</summary>
public sealed class SearchMiss
{
    public const int MaxQueryLength = 200;

    public int Id { get; set; }
    public required string Query { get; set; }
    public int Count { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}

internal sealed class SearchMissConfiguration : IEntityTypeConfiguration<SearchMiss>
{
    public void Configure(EntityTypeBuilder<SearchMiss> entity)
    {
        entity.Property(m => m.Query).HasMaxLength(SearchMiss.MaxQueryLength);
        entity.HasIndex(m => m.Query).IsUnique();
        entity.HasIndex(m => m.LastSeenAt);
    }
}
