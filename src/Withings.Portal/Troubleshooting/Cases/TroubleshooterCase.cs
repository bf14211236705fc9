using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Withings.Portal.Troubleshooting.Cases;

/// <summary>
/// A saved troubleshooting case: what the integrator pasted (already redacted), the diagnosis and the steps they
/// went through, behind an unguessable link that expires. Nothing in it is a secret by the time it is stored.
/// </summary>
public sealed class TroubleshooterCase
{
    public const int MaxTopicLength = 64;
    public const int MaxStepPathLength = 1000;

    /// <summary>The link's id (<see cref="CaseIds"/>): 130 random bits, URL-safe.</summary>
    public required string Id { get; set; }

    /// <summary>The pasted text after <see cref="Redaction.PasteRedactor"/>; may be empty when only a step was saved.</summary>
    public required string Text { get; set; }

    public List<CaseDiagnosis> Diagnoses { get; set; } = [];

    /// <summary>Topic whose steps were walked, when the case was saved from a step.</summary>
    public string? TopicId { get; set; }

    /// <summary>The best topic the diagnosis found when the case was saved, for filtering cases by topic.</summary>
    public string? DiagnosedTopicId { get; set; }

    /// <summary>Step ids from the first to the one the integrator reached, joined by <c>/</c>.</summary>
    public string? StepPath { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public IReadOnlyList<string> Steps => string.IsNullOrEmpty(StepPath) ? [] : StepPath.Split('/');
}

/// <summary>One diagnosis as it was when the case was saved; <see cref="Link"/> opens the topic pre-filled.</summary>
public sealed record CaseDiagnosis(string Topic, string Title, double Score, string Link, IReadOnlyList<string> Evidence);

internal sealed class TroubleshooterCaseConfiguration : IEntityTypeConfiguration<TroubleshooterCase>
{
    // SQLite cannot compare DateTimeOffset values in SQL; stored as UTC DateTime they compare on both providers.
    private static readonly ValueConverter<DateTimeOffset, DateTime> Utc =
        new(value => value.UtcDateTime, value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));

    public void Configure(EntityTypeBuilder<TroubleshooterCase> entity)
    {
        entity.ToTable("TroubleshooterCases");
        entity.Property(c => c.Id).HasMaxLength(CaseIds.Length).IsUnicode(false);
        entity.Property(c => c.TopicId).HasMaxLength(TroubleshooterCase.MaxTopicLength).IsUnicode(false);
        entity.Property(c => c.DiagnosedTopicId).HasMaxLength(TroubleshooterCase.MaxTopicLength).IsUnicode(false);
        entity.HasIndex(c => c.CreatedAt);
        entity.Property(c => c.StepPath).HasMaxLength(TroubleshooterCase.MaxStepPathLength).IsUnicode(false);
        entity.Property(c => c.Diagnoses).HasConversion(
            list => JsonSerializer.Serialize(list, JsonSerializerOptions.Web),
            json => JsonSerializer.Deserialize<List<CaseDiagnosis>>(json, JsonSerializerOptions.Web) ?? new List<CaseDiagnosis>(),
            new ValueComparer<List<CaseDiagnosis>>(
                (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
                list => JsonSerializer.Serialize(list, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
                list => list.ToList()));
        entity.Property(c => c.CreatedAt).HasConversion(Utc);
        entity.Property(c => c.ExpiresAt).HasConversion(Utc);
        entity.HasIndex(c => c.ExpiresAt);
    }
}
