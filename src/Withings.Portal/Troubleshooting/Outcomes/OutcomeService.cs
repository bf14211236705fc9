using Microsoft.EntityFrameworkCore;
using Withings.Portal.Data;
using Withings.Portal.Shell;

namespace Withings.Portal.Troubleshooting.Outcomes;

/// <summary>Stores troubleshooter outcomes and counts them per topic and step (for the support dashboard).</summary>
public sealed class OutcomeService(IDbContextFactory<PortalDbContext> factory, TimeProvider time)
{
    /// <summary>Records the visitor's answer for the step, replacing an earlier one.</summary>
    public async Task<TroubleshooterOutcome> SaveAsync(string topicId, string stepId, string visitorId, bool isFixed, CancellationToken cancellationToken)
    {
        var visitorKey = AnonymousVisitor.Key(visitorId);
        var now = time.GetUtcNow();

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var outcome = await db.Set<TroubleshooterOutcome>()
            .SingleOrDefaultAsync(o => o.TopicId == topicId && o.StepId == stepId && o.VisitorKey == visitorKey, cancellationToken);
        if (outcome is null)
        {
            outcome = new TroubleshooterOutcome { Id = Guid.NewGuid(), TopicId = topicId, StepId = stepId, VisitorKey = visitorKey, CreatedAt = now };
            db.Add(outcome);
        }
        outcome.Fixed = isFixed;
        outcome.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    /// <summary>How many readers said each fix step fixed it or not, most answered first.</summary>
    public async Task<IReadOnlyList<OutcomeCount>> CountsAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var counts = await db.Set<TroubleshooterOutcome>()
            .GroupBy(o => new { o.TopicId, o.StepId })
            .Select(g => new OutcomeCount(g.Key.TopicId, g.Key.StepId, g.Count(o => o.Fixed), g.Count(o => !o.Fixed)))
            .ToListAsync(cancellationToken);
        return [.. counts.OrderByDescending(c => c.Fixed + c.StillBroken).ThenBy(c => c.TopicId, StringComparer.Ordinal).ThenBy(c => c.StepId, StringComparer.Ordinal)];
    }
}

public sealed record OutcomeCount(string TopicId, string StepId, int Fixed, int StillBroken);
