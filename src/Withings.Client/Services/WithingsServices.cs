using System.Collections.Frozen;

namespace Withings.Client;

/// <summary>
/// One service of the public API: its path on <c>wbsapi.withings.net</c>, its actions, and the OAuth scope each action
/// needs (<see langword="null"/>: no scope beyond a valid token, or no token at all for the OAuth and signature services).
/// </summary>
public sealed class WithingsService
{
    private readonly FrozenDictionary<string, string?> scopes;

    internal WithingsService(string path, IEnumerable<(string Action, string? Scope)> actions)
    {
        Path = path;
        var list = actions.ToList();
        Actions = [.. list.Select(a => a.Action)];
        scopes = list.ToFrozenDictionary(a => a.Action, a => a.Scope, StringComparer.Ordinal);
    }

    /// <summary>The path under the API host, with a leading slash: <c>/v2/measure</c>.</summary>
    public string Path { get; }

    /// <summary>The documented actions, in the reference's order.</summary>
    public IReadOnlyList<string> Actions { get; }

    public bool HasAction(string action) => scopes.ContainsKey(action);

    /// <summary>The scope <paramref name="action"/> needs, or null (none, or not an action of this service).</summary>
    public string? ScopeOf(string action) => scopes.GetValueOrDefault(action);

    /// <summary>The same service limited to the actions a caller serves (e.g. a simulator that implements part of it).</summary>
    public IReadOnlyDictionary<string, string?> ScopesOf(params string[] actions) =>
        actions.ToDictionary(a => a, a => HasAction(a) ? ScopeOf(a) : throw new ArgumentException($"'{a}' is not an action of {Path}.", nameof(actions)),
            StringComparer.Ordinal);

    public override string ToString() => Path;
}

/// <summary>
/// The services of the Withings public API, the single list the client, the sandbox and the troubleshooter share:
/// paths, actions and scopes as documented in the API reference (https://developer.withings.com/api-reference) and the
/// scope table of the authorization guide (https://developer.withings.com/developer-guide/v3/integration-guide/public-health-data-api/get-access/oauth-authorization-url).
/// </summary>
public static class WithingsServices
{
    public static WithingsService OAuth2 { get; } = new("/v2/oauth2",
        [("requesttoken", null), ("getdemoaccess", null), ("recoverauthorizationcode", null), ("revoke", null)]);

    public static WithingsService Signature { get; } = new("/v2/signature", [("getnonce", null)]);

    public static WithingsService Measure { get; } = new("/measure", [("getmeas", WithingsScopes.Metrics)]);

    public static WithingsService MeasureV2 { get; } = new("/v2/measure",
        [("getactivity", WithingsScopes.Activity), ("getintradayactivity", WithingsScopes.Activity), ("getworkouts", WithingsScopes.Activity)]);

    public static WithingsService Sleep { get; } = new("/v2/sleep", [("get", WithingsScopes.Activity), ("getsummary", WithingsScopes.Activity)]);

    /// <summary>getdevice and getgoals need only a valid token; get, activate, link and unlink are signed contract services.</summary>
    public static WithingsService User { get; } = new("/v2/user",
        [("getdevice", null), ("getgoals", null), ("get", null), ("activate", null), ("link", null), ("unlink", null)]);

    public static WithingsService Heart { get; } = new("/v2/heart", [("list", WithingsScopes.Metrics), ("get", WithingsScopes.Metrics)]);

    /// <summary>The scope depends on the notification category, not on the action: see <see cref="NotificationScope"/>.</summary>
    public static WithingsService Notify { get; } = new("/notify",
        [("subscribe", null), ("get", null), ("list", null), ("revoke", null), ("update", null)]);

    public static IReadOnlyList<WithingsService> All { get; } = [OAuth2, Signature, Measure, MeasureV2, Sleep, User, Heart, Notify];

    /// <summary>The data services called with a user's access token (everything but OAuth 2.0 and the signature service).</summary>
    public static IReadOnlyList<WithingsService> Data { get; } = [Measure, MeasureV2, Sleep, User, Heart, Notify];

    private static readonly FrozenDictionary<string, WithingsService> ByPath = All.ToFrozenDictionary(s => s.Path, StringComparer.Ordinal);

    /// <summary>The service at <paramref name="path"/> (<c>/v2/sleep</c>, case-sensitive, no trailing slash), or null.</summary>
    public static WithingsService? Find(string path) => ByPath.GetValueOrDefault(path);

    /// <summary>
    /// The scope a notification category needs: weight (1) needs user.metrics and bed in/out (50, 51) user.sleepevents, as
    /// documented; the other categories follow the scope of the data they announce.
    /// </summary>
    public static string? NotificationScope(int appli) => appli switch
    {
        NotifyAppli.Weight or NotifyAppli.Temperature or NotifyAppli.BloodPressure or NotifyAppli.Ecg or NotifyAppli.EcgFailed
            or NotifyAppli.Glucose => WithingsScopes.Metrics,
        NotifyAppli.Activity or NotifyAppli.Sleep => WithingsScopes.Activity,
        NotifyAppli.BedIn or NotifyAppli.BedOut or NotifyAppli.InflateDone => WithingsScopes.SleepEvents,
        _ => null,
    };
}
