using System.ComponentModel.DataAnnotations;
using Withings.Client;

namespace Withings.Sandbox;

/// <summary>Settings of the simulator (section <c>Sandbox</c>).</summary>
public sealed class SandboxOptions : IValidatableObject
{
    public const string Section = "Sandbox";

    /// <summary>
    /// The portal's own pre-registered app, in Withings' "restricted mode": its callback may be
    /// <c>http://localhost:port/...</c> for local development.
    /// </summary>
    public ConfiguredApp PortalApp { get; set; } = new();

    /// <summary>One partner app for client libraries under test (standard callback rules: any https URL).</summary>
    public ConfiguredApp DemoApp { get; set; } = new();

    /// <summary>The real limit of the free Public API plan: 120 requests per minute per application.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPerMinute { get; set; } = 120;

    /// <summary>
    /// How often expired or spent authorization codes, nonces and tokens are deleted (<c>Sandbox:PurgeInterval</c>): each
    /// consent post stores a code, each exchange a token pair, and nothing else removes them.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Sandbox:PurgeInterval must be between 1 second and 1 day.")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A fault applied to every <c>wbsapi</c> call, same syntax as the <c>X-Sandbox-Fault</c> header (e.g. <c>latency=500</c>).</summary>
    public string? Fault { get; set; }

    /// <summary>
    /// Whether callers may inject faults with the <c>X-Sandbox-Fault</c> header. A public deployment can turn it off, since
    /// <c>timeout</c> and <c>latency</c> hold connections open.
    /// </summary>
    public bool AllowFaultHeader { get; set; } = true;

    /// <summary>
    /// The URL prefix of the host's own notification inbox (the portal sets <c>http://localhost/playground/inbox/</c>):
    /// subscriptions under it skip the public-URL rules and the HEAD check, and notifications are posted to it through the
    /// host's client. Null when the sandbox runs on its own.
    /// </summary>
    public string? NotificationInbox { get; set; }

    /// <summary>
    /// Host names (https only) the sandbox may post notifications to besides the inbox: an operator's choice. Empty by
    /// default, so a public sandbox sends no request to an address a visitor typed.
    /// </summary>
    public List<string> NotificationAllowedHosts { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, app, mode) in new[] { ("PortalApp", PortalApp, CallbackUrlMode.Restricted), ("DemoApp", DemoApp, CallbackUrlMode.Standard) })
        {
            if (string.IsNullOrWhiteSpace(app.ClientId))
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(app.ClientSecret))
            {
                yield return new ValidationResult($"Sandbox:{name}:ClientSecret is empty but Sandbox:{name}:ClientId is set.");
            }
            var (_, problems) = CallbackUrlRules.CheckList(app.CallbackUrl, mode);
            foreach (var problem in problems)
            {
                yield return new ValidationResult($"Sandbox:{name}:CallbackUrl: {problem}");
            }
        }
        if (Fault is not null && !SandboxFault.TryParse(Fault, out _, out var error))
        {
            yield return new ValidationResult($"Sandbox:Fault: {error}");
        }
    }
}

/// <summary>A partner app whose credentials come from configuration.</summary>
public sealed class ConfiguredApp
{
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>One URL or a comma-separated list.</summary>
    public string? CallbackUrl { get; set; }

    public string? Name { get; set; }
}
