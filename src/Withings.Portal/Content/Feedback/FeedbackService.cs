using Withings.Portal.Troubleshooting.Redaction;
using Microsoft.EntityFrameworkCore;
using Withings.Portal.Data;
using Withings.Portal.Shell;

namespace Withings.Portal.Content.Feedback;

public sealed class FeedbackService(IDbContextFactory<PortalDbContext> factory, TimeProvider time)
{
    /// <summary>Stores the visitor's answer for the page, replacing an earlier one (one vote per visitor and page).</summary>
    public async Task<PageFeedback> SaveAsync(string pageRoute, string visitorId, bool helpful, string? comment, CancellationToken cancellationToken)
    {
        var visitorKey = AnonymousVisitor.Key(visitorId);
        // A comment may quote a token or a secret: stored (and shown back) with placeholders, like a saved case.
        var text = string.IsNullOrWhiteSpace(comment) ? null : PasteRedactor.Redact(comment.Trim()).Text;
        var now = time.GetUtcNow();

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var feedback = await db.Set<PageFeedback>()
            .SingleOrDefaultAsync(f => f.PageRoute == pageRoute && f.VisitorKey == visitorKey, cancellationToken);
        if (feedback is null)
        {
            feedback = new PageFeedback { Id = Guid.NewGuid(), PageRoute = pageRoute, VisitorKey = visitorKey, CreatedAt = now };
            db.Add(feedback);
        }
        feedback.Helpful = helpful;
        feedback.Comment = text;
        feedback.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return feedback;
    }

    public async Task<PageFeedback?> FindAsync(Guid id, string pageRoute, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<PageFeedback>().AsNoTracking()
            .SingleOrDefaultAsync(f => f.Id == id && f.PageRoute == pageRoute, cancellationToken);
    }
}
