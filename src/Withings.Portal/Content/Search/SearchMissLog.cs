using Withings.Portal.Troubleshooting.Redaction;
using Microsoft.EntityFrameworkCore;
using Withings.Portal.Data;

namespace Withings.Portal.Content.Search;

/// <summary>Records searches that found nothing (one row per distinct query, with a count).</summary>
public sealed class SearchMissLog(IDbContextFactory<PortalDbContext> factory, TimeProvider time)
{
    public async Task RecordAsync(string query, CancellationToken cancellationToken = default)
    {
        // People paste error text, tokens included, into the search box: stored with placeholders.
        var normalized = Normalize(PasteRedactor.Redact(query).Text);
        if (normalized.Length == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Set<SearchMiss>()
            .Where(m => m.Query == normalized)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Count, m => m.Count + 1).SetProperty(m => m.LastSeenAt, now), cancellationToken);
        if (updated > 0)
        {
            return;
        }

        db.Add(new SearchMiss { Query = normalized, Count = 1, FirstSeenAt = now, LastSeenAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request recorded the same query first; counting it once less is fine.
        }
    }

    public static string Normalize(string query)
    {
        var collapsed = string.Join(' ', query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return collapsed.Length > SearchMiss.MaxQueryLength ? collapsed[..SearchMiss.MaxQueryLength] : collapsed;
    }
}
