using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Withings.Client;

namespace Withings.Portal.Playground;

/// <summary>
/// A user linked in the playground: the app, the current tokens and when they were obtained. Held in server memory only
/// (tokens are never rendered, logged or stored); pages find it by an opaque id kept in an HttpOnly cookie.
/// </summary>
public sealed class PlaygroundLink(PlaygroundApp app, TokenResponse tokens, DateTimeOffset obtainedAt)
{
    private readonly Lock gate = new();

    public PlaygroundApp App { get; } = app;

    public TokenResponse Tokens { get; private set; } = tokens;

    public DateTimeOffset ObtainedAt { get; private set; } = obtainedAt;

    /// <summary>Refresh tokens replaced by a refresh, newest last, to show that the old one is refused.</summary>
    public IReadOnlyList<string> RotatedRefreshTokens { get; private set; } = [];

    public DateTimeOffset ExpiresAt => ObtainedAt.AddSeconds(Tokens.ExpiresIn);

    /// <summary>The notification inbox of this user's pages, once one was opened (<see cref="NotificationInbox"/>).</summary>
    public string? InboxId { get; private set; }

    public string InboxIdOr(Func<string> create)
    {
        lock (gate)
        {
            return InboxId ??= create();
        }
    }

    /// <summary>
    /// The last check of each sample-data item (by item id), so that the checklist shows earlier results after another
    /// post, a reload or the inbox's subscription; forgotten with the link. What a check shows is already redacted (no
    /// token in it).
    /// </summary>
    public IReadOnlyDictionary<string, CheckResult> SampleDataResults { get; private set; } = new Dictionary<string, CheckResult>(StringComparer.Ordinal);

    /// <summary>What the last simulation of each sample-data item answered, by item id; forgotten with the link.</summary>
    public IReadOnlyDictionary<string, string> SampleDataSimulations { get; private set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public void RememberCheck(CheckResult result)
    {
        lock (gate)
        {
            SampleDataResults = new Dictionary<string, CheckResult>(SampleDataResults, StringComparer.Ordinal) { [result.Item.Id] = result };
        }
    }

    public void RememberSimulation(string itemId, string message)
    {
        lock (gate)
        {
            SampleDataSimulations = new Dictionary<string, string>(SampleDataSimulations, StringComparer.Ordinal) { [itemId] = message };
        }
    }

    public void Replace(TokenResponse tokens, DateTimeOffset obtainedAt)
    {
        lock (gate)
        {
            RotatedRefreshTokens = [.. RotatedRefreshTokens, Tokens.RefreshToken];
            Tokens = tokens;
            ObtainedAt = obtainedAt;
        }
    }

    public override string ToString() => $"PlaygroundLink {{ UserId = {Tokens.UserId}, App = {App.ClientId} }}";
}

/// <summary>The linked users of every visitor, by opaque id; forgotten after <see cref="PlaygroundOptions.LinkIdleLifetime"/> unused.</summary>
public sealed class PlaygroundLinks(IOptions<PlaygroundOptions> options, TimeProvider time)
{
    public const string CookieName = "playground-link";

    /// <summary>The pages that read the cookie; it is sent nowhere else, so help pages stay cacheable for everyone.</summary>
    public static IReadOnlyList<string> CookiePaths { get; } = ["/playground", "/sample-data"];

    private readonly ConcurrentDictionary<string, (PlaygroundLink Link, DateTimeOffset LastUsed)> links = new(StringComparer.Ordinal);

    public string Add(PlaygroundLink link)
    {
        Sweep();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        links[id] = (link, time.GetUtcNow());
        return id;
    }

    public PlaygroundLink? Find(string? id)
    {
        if (string.IsNullOrEmpty(id) || !links.TryGetValue(id, out var entry))
        {
            return null;
        }
        if (time.GetUtcNow() - entry.LastUsed > options.Value.LinkIdleLifetime)
        {
            links.TryRemove(id, out _);
            return null;
        }
        links[id] = (entry.Link, time.GetUtcNow());
        return entry.Link;
    }

    /// <summary>Makes the link the one the visitor's playground pages open with.</summary>
    public static void Remember(HttpContext context, string id)
    {
        foreach (var path in CookiePaths)
        {
            context.Response.Cookies.Append(CookieName, id, new CookieOptions
            {
                Path = path,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                IsEssential = true,
            });
        }
    }

    public static string? Read(HttpContext? context) => context?.Request.Cookies[CookieName];

    /// <summary>The id of the visitor's linked user when that link is still alive, else null (an expired cookie links nobody).</summary>
    public string? LiveIdOf(HttpContext? context) => Read(context) is { } id && Find(id) is not null ? id : null;

    private void Sweep()
    {
        var cutoff = time.GetUtcNow() - options.Value.LinkIdleLifetime;
        foreach (var (id, entry) in links)
        {
            if (entry.LastUsed < cutoff)
            {
                links.TryRemove(id, out _);
            }
        }
    }
}
