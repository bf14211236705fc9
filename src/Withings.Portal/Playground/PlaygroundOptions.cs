using System.ComponentModel.DataAnnotations;

namespace Withings.Portal.Playground;

/// <summary>Playground and sample-data settings (section <c>Playground</c>).</summary>
public sealed class PlaygroundOptions
{
    public const string Section = "Playground";

    /// <summary>
    /// Outgoing calls (token, data, simulate) per minute per visitor address, so the portal cannot be used to flood
    /// Withings or the sandbox. The sandbox app itself allows 120 per minute, shared by every visitor.
    /// </summary>
    [Range(1, 1000)]
    public int CallsPerMinute { get; set; } = 40;

    /// <summary>How long an authorize2 URL waits for its callback before its <c>state</c> is forgotten.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan AuthorizationLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a linked user (tokens in server memory) is kept after its last use.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan LinkIdleLifetime { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Sandbox partner apps registered per hour per visitor address (the registration is open to anyone).</summary>
    [Range(1, 1000)]
    public int AppRegistrationsPerHour { get; set; } = 10;
}
