using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Withings.Portal.Data;
using Withings.Portal.Troubleshooting.Diagnosis;
using Withings.Portal.Troubleshooting.Redaction;

namespace Withings.Portal.Troubleshooting.Cases;

/// <summary>Saves, finds and purges troubleshooting cases. The text is redacted here, before anything is stored.</summary>
public sealed class CaseService(IDbContextFactory<PortalDbContext> factory, TimeProvider time, IOptions<CaseOptions> options)
{
    public async Task<SavedCase> CreateAsync(NewCase draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Encoding.UTF8.GetByteCount(draft.Text) > DiagnosisLimits.MaxInputBytes)
        {
            throw new ArgumentException($"A case holds at most {DiagnosisLimits.MaxInputBytes / 1024} KB of text.", nameof(draft));
        }

        var redacted = PasteRedactor.Redact(draft.Text);
        var now = time.GetUtcNow();
        var saved = new TroubleshooterCase
        {
            // 130 random bits: a collision is not a practical concern, so there is no retry.
            Id = CaseIds.New(),
            Text = redacted.Text,
            // Evidence sentences quote the text now and then; they are held to the same rule.
            Diagnoses = draft.Diagnoses
                .Select(d => d with { Evidence = d.Evidence.Select(e => PasteRedactor.Redact(e).Text).ToList() })
                .ToList(),
            TopicId = draft.Trail?.Topic.Id,
            DiagnosedTopicId = draft.Diagnoses.Count > 0 ? draft.Diagnoses[0].Topic : null,
            StepPath = draft.Trail?.StoredPath,
            CreatedAt = now,
            ExpiresAt = now + options.Value.Lifetime,
        };

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Add(saved);
        await db.SaveChangesAsync(cancellationToken);
        return new SavedCase(saved.Id, saved.ExpiresAt, redacted);
    }

    public async Task<CaseLookup> FindAsync(string? id, CancellationToken cancellationToken)
    {
        if (!CaseIds.IsWellFormed(id))
        {
            return CaseLookup.Unknown;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await db.Set<TroubleshooterCase>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (found is null)
        {
            return CaseLookup.Unknown;
        }
        // Until the purge runs, an expired case is still in the table; it is never shown again.
        return found.ExpiresAt <= time.GetUtcNow()
            ? new CaseLookup(CaseState.Expired, null, found.ExpiresAt)
            : new CaseLookup(CaseState.Found, found, found.ExpiresAt);
    }

    /// <summary>Deletes every case whose link has expired; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<TroubleshooterCase>().Where(c => c.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>What to save: the text as pasted (redacted on save), its diagnoses, and the steps walked, if any.</summary>
public sealed record NewCase(string Text, IReadOnlyList<CaseDiagnosis> Diagnoses, CaseTrail? Trail);

/// <summary>A saved case: its id (the link is <c>/cases/{id}</c>), when the link stops working, and what was redacted.</summary>
public sealed record SavedCase(string Id, DateTimeOffset ExpiresAt, RedactedText Redaction)
{
    public string Route => CaseRoutes.Case(Id);
}

public enum CaseState
{
    Found,
    Expired,
    Unknown,
}

/// <summary><see cref="Case"/> is set only when the case is <see cref="CaseState.Found"/>.</summary>
public sealed record CaseLookup(CaseState State, TroubleshooterCase? Case, DateTimeOffset? ExpiresAt)
{
    public static CaseLookup Unknown { get; } = new(CaseState.Unknown, null, null);
}
