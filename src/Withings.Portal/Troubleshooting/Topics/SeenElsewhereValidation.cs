namespace Withings.Portal.Troubleshooting.Topics;

internal static class SeenElsewhereValidation
{
    public const int MaxThreads = 3;
    public const int MaxTitle = 140;
    public const int MaxFixedBy = 160;

    public static void Check(List<SeenThread> threads, Problems report)
    {
        if (threads.Count > MaxThreads)
        {
            report.At("seen_elsewhere:", $"seen_elsewhere lists {threads.Count} threads; at most {MaxThreads} are shown.");
        }
        foreach (var thread in threads)
        {
            var needle = string.IsNullOrEmpty(thread.Url) ? "seen_elsewhere:" : thread.Url;
            if (!Uri.TryCreate(thread.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                report.At(needle, $"seen_elsewhere url '{thread.Url}' must be an absolute https URL.");
            }
            if (thread.Title.Trim().Length is 0 or > MaxTitle)
            {
                report.At(needle, $"seen_elsewhere title must be 1–{MaxTitle} characters.");
            }
            if (thread.FixedBy.Trim().Length is 0 or > MaxFixedBy || thread.FixedBy.Contains('\n'))
            {
                report.At(needle, $"seen_elsewhere fixed_by must be one line of 1–{MaxFixedBy} characters.");
            }
        }
        foreach (var group in threads.GroupBy(t => t.Url, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            report.At(group.Key, $"seen_elsewhere lists '{group.Key}' twice.");
        }
    }
}
