using Microsoft.EntityFrameworkCore;
using Withings.Portal.Data;
using Withings.Portal.Shell;
using Withings.Portal.Troubleshooting.Outcomes;

namespace Withings.Portal.Support.Links;

/// <summary>Makes, opens, revokes and lists support links.</summary>
public sealed class SupportLinks(IDbContextFactory<PortalDbContext> factory, TimeProvider time)
{
    public async Task<SupportLink> CreateAsync(LinkDraft draft, string createdBy, CancellationToken cancellationToken)
    {
        var link = new SupportLink
        {
            Id = Guid.NewGuid(),
            // 130 random bits: a collision is not a practical concern, so there is no retry.
            Code = LinkCodes.New(),
            TopicId = draft.TopicId,
            StepId = draft.StepId,
            Query = draft.Query,
            Note = string.IsNullOrWhiteSpace(draft.Note) ? null : draft.Note.Trim(),
            CreatedBy = createdBy,
            CreatedAt = time.GetUtcNow(),
        };
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return link;
    }

    public async Task<SupportLink?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<SupportLink>().AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
    }

    /// <summary>The link behind a short code, recording the visit when it is live; null for an unknown code.</summary>
    public async Task<SupportLink?> OpenAsync(string? code, string visitorId, CancellationToken cancellationToken)
    {
        if (!LinkCodes.IsWellFormed(code))
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var link = await db.Set<SupportLink>().AsNoTracking().SingleOrDefaultAsync(l => l.Code == code, cancellationToken);
        if (link is { RevokedAt: null })
        {
            db.Add(new SupportLinkOpen { Id = Guid.NewGuid(), LinkId = link.Id, VisitorKey = AnonymousVisitor.Key(visitorId), OpenedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
        return link;
    }

    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<SupportLink>().Where(l => l.Id == id && l.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.RevokedAt, now), cancellationToken) > 0;
    }

    /// <summary>
    /// Links newest first, one page, each with its first opening and the outcome recorded on a visit from it: the
    /// outcome form keys answers by the same anonymous visitor id the redirect handed out, in the same topic, after the open.
    /// </summary>
    public async Task<(IReadOnlyList<LinkRow> Rows, int Total)> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var links = db.Set<SupportLink>().AsNoTracking();
        var total = await links.CountAsync(cancellationToken);
        var page = await links.OrderByDescending(l => l.CreatedAt).Skip(skip).Take(take).ToListAsync(cancellationToken);
        var ids = page.Select(l => l.Id).ToList();
        var opens = await db.Set<SupportLinkOpen>().AsNoTracking()
            .Where(o => ids.Contains(o.LinkId))
            .GroupBy(o => o.LinkId)
            .Select(g => new { LinkId = g.Key, Count = g.Count(), First = g.Min(o => o.OpenedAt), Last = g.Max(o => o.OpenedAt) })
            .ToListAsync(cancellationToken);
        var visits = await db.Set<SupportLinkOpen>().AsNoTracking()
            .Where(o => ids.Contains(o.LinkId))
            .Select(o => new { o.LinkId, o.VisitorKey })
            .Distinct()
            .Take(take * 20)
            .ToListAsync(cancellationToken);
        var visitorKeys = visits.Select(v => v.VisitorKey).Distinct().ToList();
        var outcomes = await db.Set<TroubleshooterOutcome>().AsNoTracking()
            .Where(o => visitorKeys.Contains(o.VisitorKey))
            .Select(o => new { o.VisitorKey, o.TopicId, o.StepId, o.Fixed, o.UpdatedAt })
            .ToListAsync(cancellationToken);

        var rows = page.Select(link =>
        {
            var opened = opens.SingleOrDefault(o => o.LinkId == link.Id);
            var keys = visits.Where(v => v.LinkId == link.Id).Select(v => v.VisitorKey).ToHashSet(StringComparer.Ordinal);
            var outcome = opened is null ? null : outcomes
                .Where(o => keys.Contains(o.VisitorKey) && o.TopicId == link.TopicId && o.UpdatedAt >= opened.First)
                .OrderByDescending(o => o.UpdatedAt)
                .Select(o => new LinkOutcome(o.StepId, o.Fixed, o.UpdatedAt))
                .FirstOrDefault();
            return new LinkRow(link, opened?.Count ?? 0, opened?.First, opened?.Last, outcome);
        }).ToList();
        return (rows, total);
    }
}

/// <summary>What "Make a link" asks for; <see cref="Query"/> is already checked against the step's own query keys.</summary>
public sealed record LinkDraft(string TopicId, string StepId, string Query, string? Note);

public sealed record LinkOutcome(string StepId, bool Fixed, DateTimeOffset At);

public sealed record LinkRow(SupportLink Link, int Opens, DateTimeOffset? FirstOpenedAt, DateTimeOffset? LastOpenedAt, LinkOutcome? Outcome);
