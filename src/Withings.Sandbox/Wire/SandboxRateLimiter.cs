using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Withings.Sandbox.Wire;

/// <summary>
/// The two 601 rules: at most N requests per minute per application (fixed one-minute windows), and the same
/// arguments twice within 10 seconds. Kept in memory: a restart forgets them, as they would expire anyway.
/// </summary>
internal sealed class SandboxRateLimiter(TimeProvider time, IOptionsMonitor<SandboxOptions> options)
{
    public const int DuplicateWindowSeconds = 10;

    private readonly ConcurrentDictionary<int, (long Minute, int Count)> windows = new();
    private readonly ConcurrentDictionary<string, long> recentArguments = new(StringComparer.Ordinal);

    /// <summary>Counts a request for the app; false when the app has used up its minute.</summary>
    public bool TryAcquire(int appId)
    {
        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        var window = windows.AddOrUpdate(appId, (minute, 1), (_, w) => w.Minute == minute ? (minute, w.Count + 1) : (minute, 1));
        return window.Count <= options.CurrentValue.RateLimitPerMinute;
    }

    /// <summary>Null the first time; the seconds left in the window when the same arguments came less than 10 s ago.</summary>
    public int? SameArgumentsWait(string fingerprint)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (recentArguments.Count > 10_000)
        {
            foreach (var stale in recentArguments.Where(p => now - p.Value >= DuplicateWindowSeconds).Select(p => p.Key).ToList())
            {
                recentArguments.TryRemove(stale, out _);
            }
        }
        if (recentArguments.TryGetValue(fingerprint, out var seenAt) && now - seenAt < DuplicateWindowSeconds)
        {
            return (int)Math.Max(1, DuplicateWindowSeconds - (now - seenAt));
        }
        recentArguments[fingerprint] = now;
        return null;
    }
}
