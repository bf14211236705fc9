using System.ComponentModel.DataAnnotations;

namespace Withings.Portal.WithingsApi;

/// <summary>
/// Per-client-address limits on the embedded sandbox's endpoints that anyone may call and that write to its database
/// (section <c>Sandbox</c>; the portal's, not the sandbox's: the sandbox run on its own has no such limits). Every visitor
/// shares the sandbox's simulated users, and each consent post stores a code.
/// </summary>
public sealed class SandboxRateLimitOptions
{
    public const string Section = "Sandbox";

    /// <summary><c>POST /sandbox/dashboard/apps</c> per client address and hour.</summary>
    [Range(1, 10_000, ErrorMessage = "Sandbox:AppRegistrationsPerHour must be between 1 and 10000.")]
    public int AppRegistrationsPerHour { get; set; } = 10;

    /// <summary>
    /// <c>/sandbox/simulate/users/{userid}/…</c> per client address and minute: each adds data to a user every visitor
    /// sees, and may post notifications. The playground's own simulations are limited by <c>Playground:CallsPerMinute</c>.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Sandbox:SimulationsPerMinute must be between 1 and 10000.")]
    public int SimulationsPerMinute { get; set; } = 10;

    /// <summary><c>POST /sandbox/account/oauth2_user/authorize2</c> ("Allow this app") per client address and minute.</summary>
    [Range(1, 10_000, ErrorMessage = "Sandbox:ConsentsPerMinute must be between 1 and 10000.")]
    public int ConsentsPerMinute { get; set; } = 20;
}
