using System.Net;
using Microsoft.Extensions.Options;
using Withings.Client;
using Withings.Portal.WithingsApi;
using Withings.Sandbox.Apps;
using Withings.Sandbox.Data;

namespace Withings.Portal.Playground;

/// <summary>
/// Which API the playground talks to and as which app: in sandbox mode the portal's own sandbox app with a callback on
/// the address the visitor uses; in Withings mode the portal's partner app from configuration, which needs a public
/// https callback that reaches this portal's <see cref="CallbackPath"/>.
/// </summary>
public sealed class PlaygroundSetup(WithingsApiSettings settings, IOptions<WithingsApiOptions> api, IServiceProvider services)
{
    public const string CallbackPath = "/playground/callback";

    public WithingsApiMode Mode => settings.Mode;

    public bool IsSandbox => settings.Mode == WithingsApiMode.Sandbox;

    /// <summary>The sandbox's user-side actions can run (sandbox mode, sandbox mounted).</summary>
    public bool CanSimulate => IsSandbox && settings.SandboxEnabled;

    public string TalksTo => IsSandbox
        ? "the portal's built-in Withings sandbox (simulated users, nothing leaves this server)"
        : "the real Withings API (account.withings.com and wbsapi.withings.net)";

    /// <summary>Why Withings mode cannot complete the flow on this portal, or null.</summary>
    public string? MissingPublicCallback
    {
        get
        {
            if (IsSandbox)
            {
                return null;
            }
            var callback = api.Value.CallbackUrl;
            var check = CallbackUrlRules.Check(callback, CallbackUrlMode.Standard);
            if (!check.IsValid)
            {
                return $"Withings mode needs a public https callback URL that reaches this portal's {CallbackPath}, set in Withings:CallbackUrl " +
                       $"and registered for the app in the Withings dashboard. The configured one ({(string.IsNullOrWhiteSpace(callback) ? "none" : callback)}) " +
                       $"cannot be used: {string.Join(" ", check.Problems)}";
            }
            return Uri.TryCreate(callback, UriKind.Absolute, out var uri) && uri.AbsolutePath != CallbackPath
                ? $"Withings:CallbackUrl ({callback}) does not end in {CallbackPath}: Withings will redirect there, not to this page. Paste the code you receive instead."
                : null;
        }
    }

    /// <summary>The portal's own app for a page opened at <paramref name="origin"/> (scheme://host:port), or why it cannot run.</summary>
    public async Task<(PlaygroundApp? App, string? Problem)> OwnAppAsync(string origin, CancellationToken cancellationToken)
    {
        var options = api.Value;
        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            return (null, "The portal's partner app is not configured (Withings:ClientId and Withings:ClientSecret): bring your own app below.");
        }
        if (!IsSandbox)
        {
            return (new PlaygroundApp(options.ClientId, options.ClientSecret, options.CallbackUrl ?? "", BroughtByVisitor: false), null);
        }

        var redirect = await SandboxRedirectUriAsync(options.ClientId, origin, cancellationToken);
        return redirect is null
            ? (null, $"The portal's sandbox app has no callback URL on {origin}: add {origin.TrimEnd('/')}{CallbackPath} to Sandbox:PortalApp:CallbackUrl.")
            : (new PlaygroundApp(options.ClientId, options.ClientSecret, redirect, BroughtByVisitor: false), null);
    }

    /// <summary>This portal's callback as the browser must reach it from <paramref name="origin"/>.</summary>
    public static string CallbackOn(string origin) => LocalOrigin(origin) is { } local ? local + CallbackPath : origin.TrimEnd('/') + CallbackPath;

    private async Task<string?> SandboxRedirectUriAsync(string clientId, string origin, CancellationToken cancellationToken)
    {
        // The portal's own app is seeded into the sandbox beside the start-up; a page rendered just after it waits for that.
        if (services.GetService<SandboxReadiness>() is { } sandbox)
        {
            await sandbox.ReadyAsync().WaitAsync(cancellationToken);
        }
        // Restricted-mode apps accept http://localhost on any port: a portal run locally registers the port it runs on.
        if (LocalOrigin(origin) is { } local && services.GetService<SandboxApps>() is { } apps &&
            await apps.AllowLocalCallbackAsync(clientId, local + CallbackPath, cancellationToken))
        {
            return local + CallbackPath;
        }
        var wanted = origin.TrimEnd('/') + CallbackPath;
        var configured = (api.Value.CallbackUrl ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return configured.FirstOrDefault(url => string.Equals(url, wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary><c>http://localhost:port</c> for an origin on a loopback address, else null.</summary>
    private static string? LocalOrigin(string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var loopback = uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
                       (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        return loopback ? $"{uri.Scheme}://localhost:{uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : null;
    }
}
