using Microsoft.EntityFrameworkCore;
using Withings.Portal.Data;
using Withings.Portal.Troubleshooting.Redaction;

namespace Withings.Portal.Troubleshooting.Paste;

/// <summary>Records diagnoses that found nothing (see <see cref="UnmatchedPaste"/>).</summary>
public sealed partial class UnmatchedPasteLog(IDbContextFactory<PortalDbContext> factory, TimeProvider time, ILogger<UnmatchedPasteLog> logger)
{
    /// <summary>
    /// Stores the fact; never throws, because a reader waiting for their diagnosis must not see a database hiccup.
    /// Redacting costs about 2 ms per KB of crafted text, so texts longer than a paste draft are counted as they are.
    /// </summary>
    public async Task RecordAsync(string text, string source, CancellationToken cancellationToken = default)
    {
        try
        {
            var length = text.Length <= PasteLimits.MaxDraftChars ? PasteRedactor.Redact(text).Text.Length : text.Length;
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            db.Add(new UnmatchedPaste { At = time.GetUtcNow(), RedactedLength = length, Source = source });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A diagnosis that found nothing could not be recorded")]
    private partial void LogFailed(Exception exception);
}
