using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Withings.Client;
using Withings.Sandbox.Data;
using Withings.Sandbox.Wire;

namespace Withings.Sandbox.Apps;

/// <summary>A created app: the secret is shown this once and never stored in clear.</summary>
public sealed record CreatedApp(SandboxAppInfo App, string ClientSecret);

/// <summary>What may be shown about an app (no secret).</summary>
public sealed record SandboxAppInfo(string ClientId, string Name, IReadOnlyList<string> CallbackUrls, bool RestrictedMode, string Origin, DateTimeOffset CreatedAt);

/// <summary>Partner apps of the sandbox, validated like the Withings dashboard. Used by the dashboard endpoints and in-process by the portal.</summary>
public sealed class SandboxApps(IDbContextFactory<SandboxDbContext> factory, IDataProtectionProvider dataProtection, TimeProvider time)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("Withings.Sandbox.ClientSecret");

    /// <summary>Registers an app; on invalid input returns the problems (callback URL messages verbatim) and stores nothing.</summary>
    public async Task<(CreatedApp? App, IReadOnlyList<string> Problems)> CreateAsync(string? name, string? callbackUrls, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var trimmedName = name?.Trim() ?? "";
        if (trimmedName.Length is 0 or > 100)
        {
            problems.Add("The application name is required (at most 100 characters).");
        }
        var (urls, urlProblems) = CallbackUrlRules.CheckList(callbackUrls, CallbackUrlMode.Standard);
        problems.AddRange(urlProblems);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var clientId = Secrets.NewClientCredential();
        var secret = Secrets.NewClientCredential();
        var app = NewApp(clientId, secret, trimmedName, string.Join(',', urls), restricted: false, "dashboard");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Apps.Add(app);
        await db.SaveChangesAsync(cancellationToken);
        return (new CreatedApp(Info(app), secret), []);
    }

    public async Task<IReadOnlyList<SandboxAppInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var apps = await db.Apps.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return [.. apps.Select(Info)];
    }

    /// <summary>One app as the dashboard shows it (never its secret); null when no app has <paramref name="clientId"/>.</summary>
    public async Task<SandboxAppInfo?> DescribeAsync(string? clientId, CancellationToken cancellationToken = default) =>
        await FindAsync(clientId, cancellationToken) is { } app ? Info(app) : null;

    public async Task<SandboxApp?> FindAsync(string? clientId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(clientId))
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Apps.AsNoTracking().SingleOrDefaultAsync(a => a.ClientId == clientId, cancellationToken);
    }

    /// <summary>
    /// Adds a <c>http://localhost:port/...</c> callback to an app in restricted mode (what Withings allows such apps for
    /// local development), so a portal reached on any local port can receive its own redirects. Other URLs and apps in
    /// standard mode are refused: false.
    /// </summary>
    public async Task<bool> AllowLocalCallbackAsync(string clientId, string callbackUrl, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(callbackUrl, UriKind.Absolute, out var uri) || !uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
            !CallbackUrlRules.Check(callbackUrl, CallbackUrlMode.Restricted).IsValid)
        {
            return false;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var app = await db.Apps.SingleOrDefaultAsync(a => a.ClientId == clientId, cancellationToken);
        if (app is null || !app.RestrictedMode)
        {
            return false;
        }
        if (!app.CallbackUrlList.Contains(callbackUrl, StringComparer.Ordinal))
        {
            var urls = app.CallbackUrlList.Append(callbackUrl).ToList();
            // The column holds 2600 characters: the oldest local URLs make room for the new one.
            while (string.Join(',', urls).Length > 2600 && urls.Count > 1)
            {
                urls.RemoveAt(0);
            }
            app.CallbackUrls = string.Join(',', urls);
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    internal string RevealSecretForSignature(SandboxApp app) => protector.Unprotect(app.ProtectedSecret);

    /// <summary>Creates or updates an app whose credentials come from configuration (start-up).</summary>
    internal async Task EnsureConfiguredAsync(ConfiguredApp configured, CallbackUrlMode mode, string origin, string defaultName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(configured.ClientId) || string.IsNullOrWhiteSpace(configured.ClientSecret))
        {
            return;
        }
        var (urls, _) = CallbackUrlRules.CheckList(configured.CallbackUrl, mode);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var app = await db.Apps.SingleOrDefaultAsync(a => a.ClientId == configured.ClientId, cancellationToken);
        var fresh = NewApp(configured.ClientId, configured.ClientSecret, configured.Name ?? defaultName, string.Join(',', urls),
            mode == CallbackUrlMode.Restricted, origin);
        if (app is null)
        {
            db.Apps.Add(fresh);
        }
        else
        {
            app.Name = fresh.Name;
            app.CallbackUrls = fresh.CallbackUrls;
            app.RestrictedMode = fresh.RestrictedMode;
            app.Origin = origin;
            // Re-protected on every start: the key ring may have changed (e.g. a fresh machine), and configured secrets are at hand.
            app.SecretHash = fresh.SecretHash;
            app.ProtectedSecret = fresh.ProtectedSecret;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private SandboxApp NewApp(string clientId, string secret, string name, string callbackUrls, bool restricted, string origin) => new()
    {
        ClientId = clientId,
        Name = name,
        SecretHash = Secrets.Hash(secret),
        ProtectedSecret = protector.Protect(secret),
        CallbackUrls = callbackUrls,
        RestrictedMode = restricted,
        Origin = origin,
        CreatedAt = time.GetUtcNow().ToUnixTimeSeconds(),
    };

    private static SandboxAppInfo Info(SandboxApp app) =>
        new(app.ClientId, app.Name, app.CallbackUrlList, app.RestrictedMode, app.Origin, DateTimeOffset.FromUnixTimeSeconds(app.CreatedAt));
}
