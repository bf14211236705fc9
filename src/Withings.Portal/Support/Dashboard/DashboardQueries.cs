using Microsoft.EntityFrameworkCore;
using Withings.Portal.Content.Feedback;
using Withings.Portal.Content.Search;
using Withings.Portal.Data;
using Withings.Portal.Troubleshooting.Cases;
using Withings.Portal.Troubleshooting.Outcomes;
using Withings.Portal.Troubleshooting.Paste;

namespace Withings.Portal.Support.Dashboard;

/// <summary>
/// What the support dashboard reads: every list one page at a time (<c>skip</c>/<c>take</c> go to the database, with
/// the total), and charts from grouped counts, so no query loads a table into memory.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<PortalDbContext> factory, TimeProvider time)
{
    /// <summary>Largest page a list may ask for.</summary>
    public const int MaxPageSize = 100;

    public async Task<Page<CaseRow>> CasesAsync(int skip, int take, string? topicId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cases = db.Set<TroubleshooterCase>().AsNoTracking();
        if (!string.IsNullOrEmpty(topicId))
        {
            cases = cases.Where(c => c.TopicId == topicId || c.DiagnosedTopicId == topicId);
        }
        var total = await cases.CountAsync(cancellationToken);
        var rows = await cases.OrderByDescending(c => c.CreatedAt)
            .Skip(skip).Take(Clamp(take))
            .Select(c => new CaseRow(c.Id, c.TopicId ?? c.DiagnosedTopicId, c.StepPath, c.Text.Length, c.CreatedAt, c.ExpiresAt))
            .ToListAsync(cancellationToken);
        return new Page<CaseRow>(rows, total);
    }

    /// <summary>Pages with feedback, most answered first: votes, how many said helpful, how many left a comment.</summary>
    public async Task<Page<FeedbackRow>> FeedbackPerPageAsync(int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var groups = db.Set<PageFeedback>().AsNoTracking().GroupBy(f => f.PageRoute);
        var total = await groups.CountAsync(cancellationToken);
        // Ordered on an anonymous projection: EF translates that, not ordering on a record's constructor arguments.
        var rows = await groups
            .Select(g => new { Page = g.Key, Votes = g.Count(), Helpful = g.Count(f => f.Helpful), Comments = g.Count(f => f.Comment != null) })
            .OrderByDescending(r => r.Votes).ThenBy(r => r.Page)
            .Skip(skip).Take(Clamp(take))
            .ToListAsync(cancellationToken);
        return new Page<FeedbackRow>(rows.Select(r => new FeedbackRow(r.Page, r.Votes, r.Helpful, r.Comments)).ToList(), total);
    }

    /// <summary>The comments left on one page, newest first.</summary>
    public async Task<Page<CommentRow>> CommentsAsync(string pageRoute, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var comments = db.Set<PageFeedback>().AsNoTracking().Where(f => f.PageRoute == pageRoute && f.Comment != null);
        var total = await comments.CountAsync(cancellationToken);
        var rows = await comments.OrderByDescending(f => f.UpdatedAt).Skip(skip).Take(Clamp(take))
            .Select(f => new CommentRow(f.Helpful, f.Comment!, f.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new Page<CommentRow>(rows, total);
    }

    /// <summary>Helpful and not-helpful answers per day, for the last <paramref name="days"/> days (oldest first).</summary>
    public async Task<IReadOnlyList<FeedbackDay>> FeedbackPerDayAsync(int days, CancellationToken cancellationToken)
    {
        var today = time.GetUtcNow().UtcDateTime.Date;
        var first = new DateTimeOffset(today.AddDays(1 - days), TimeSpan.Zero);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var result = new List<FeedbackDay>(days);
        for (var day = first; day <= new DateTimeOffset(today, TimeSpan.Zero); day = day.AddDays(1))
        {
            var next = day.AddDays(1);
            var counts = await db.Set<PageFeedback>().AsNoTracking()
                .Where(f => f.CreatedAt >= day && f.CreatedAt < next)
                .GroupBy(f => f.Helpful)
                .Select(g => new { Helpful = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            result.Add(new FeedbackDay(DateOnly.FromDateTime(day.UtcDateTime),
                counts.Where(c => c.Helpful).Sum(c => c.Count), counts.Where(c => !c.Helpful).Sum(c => c.Count)));
        }
        return result;
    }

    /// <summary>Searches that found nothing, most frequent first.</summary>
    public async Task<Page<SearchMissRow>> SearchMissesAsync(int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var misses = db.Set<SearchMiss>().AsNoTracking();
        var total = await misses.CountAsync(cancellationToken);
        var rows = await misses.OrderByDescending(m => m.Count).ThenBy(m => m.Query).Skip(skip).Take(Clamp(take))
            .Select(m => new SearchMissRow(m.Query, m.Count))
            .ToListAsync(cancellationToken);
        return new Page<SearchMissRow>(rows, total);
    }

    /// <summary>"Fixed" and "still broken" per topic and fix step, most answered first.</summary>
    public async Task<Page<OutcomeCount>> OutcomesPerStepAsync(int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var groups = db.Set<TroubleshooterOutcome>().AsNoTracking().GroupBy(o => new { o.TopicId, o.StepId });
        var total = await groups.CountAsync(cancellationToken);
        var rows = await groups
            .Select(g => new { g.Key.TopicId, g.Key.StepId, Fixed = g.Count(o => o.Fixed), StillBroken = g.Count(o => !o.Fixed), Total = g.Count() })
            .OrderByDescending(c => c.Total).ThenBy(c => c.TopicId).ThenBy(c => c.StepId)
            .Skip(skip).Take(Clamp(take))
            .ToListAsync(cancellationToken);
        return new Page<OutcomeCount>(rows.Select(r => new OutcomeCount(r.TopicId, r.StepId, r.Fixed, r.StillBroken)).ToList(), total);
    }

    /// <summary>"Fixed" and "still broken" per topic (at most one row per topic, a bounded list), for the chart.</summary>
    public async Task<IReadOnlyList<TopicOutcomes>> OutcomesPerTopicAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<TroubleshooterOutcome>().AsNoTracking()
            .GroupBy(o => o.TopicId)
            .Select(g => new { TopicId = g.Key, Fixed = g.Count(o => o.Fixed), StillBroken = g.Count(o => !o.Fixed), Total = g.Count() })
            .OrderByDescending(t => t.Total).ThenBy(t => t.TopicId)
            .Take(MaxPageSize)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TopicOutcomes(r.TopicId, r.Fixed, r.StillBroken)).ToList();
    }

    /// <summary>Diagnoses that found nothing, newest first, and how many in the last week.</summary>
    public async Task<Page<UnmatchedPaste>> UnmatchedAsync(int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var all = db.Set<UnmatchedPaste>().AsNoTracking();
        var total = await all.CountAsync(cancellationToken);
        var rows = await all.OrderByDescending(p => p.At).Skip(skip).Take(Clamp(take)).ToListAsync(cancellationToken);
        return new Page<UnmatchedPaste>(rows, total);
    }

    public async Task<int> UnmatchedSinceAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - window;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<UnmatchedPaste>().CountAsync(p => p.At >= since, cancellationToken);
    }

    private static int Clamp(int take) => Math.Clamp(take, 1, MaxPageSize);
}

public sealed record Page<T>(IReadOnlyList<T> Rows, int Total);

public sealed record CaseRow(string Id, string? TopicId, string? StepPath, int TextLength, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

public sealed record FeedbackRow(string PageRoute, int Votes, int Helpful, int Comments)
{
    public double HelpfulRatio => Votes == 0 ? 0 : (double)Helpful / Votes;
}

public sealed record CommentRow(bool Helpful, string Comment, DateTimeOffset At);

public sealed record FeedbackDay(DateOnly Day, int Helpful, int NotHelpful);

public sealed record SearchMissRow(string Query, int Count);

public sealed record TopicOutcomes(string TopicId, int Fixed, int StillBroken);
