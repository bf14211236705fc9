using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Withings.Portal.Playground;

/// <summary>An authorize2 URL handed out and waiting for its callback.</summary>
public sealed record PendingAuthorization(string State, PlaygroundApp App, IReadOnlyList<string> Scopes, DateTimeOffset SentAt);

public enum StateVerdict
{
    Accepted,
    Missing,
    Unknown,
    Replayed,
    Expired,
}

/// <summary>
/// The <c>state</c> values of authorize2 URLs the playground built (CSRF protection): a callback is accepted once, for a
/// state this server handed out and not older than <see cref="PlaygroundOptions.AuthorizationLifetime"/>. Used states are
/// remembered as long, so a replay is told apart from a forgery. In memory: a restart forgets flows in progress.
/// </summary>
public sealed class PendingAuthorizations(IOptions<PlaygroundOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PendingAuthorization> pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> used = new(StringComparer.Ordinal);

    public PendingAuthorization Start(PlaygroundApp app, IReadOnlyList<string> scopes)
    {
        Sweep();
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var authorization = new PendingAuthorization(state, app, scopes, time.GetUtcNow());
        pending[state] = authorization;
        return authorization;
    }

    /// <summary>Takes the authorization of <paramref name="state"/>: after this call the same state is a replay.</summary>
    public (StateVerdict Verdict, PendingAuthorization? Authorization) Take(string? state)
    {
        if (string.IsNullOrEmpty(state))
        {
            return (StateVerdict.Missing, null);
        }
        if (pending.TryRemove(state, out var authorization))
        {
            used[state] = time.GetUtcNow();
            return time.GetUtcNow() - authorization.SentAt > options.Value.AuthorizationLifetime
                ? (StateVerdict.Expired, null)
                : (StateVerdict.Accepted, authorization);
        }
        return used.ContainsKey(state) ? (StateVerdict.Replayed, null) : (StateVerdict.Unknown, null);
    }

    /// <summary>Why a callback was refused, for the page.</summary>
    public static string Explain(StateVerdict verdict) => verdict switch
    {
        StateVerdict.Missing => "The callback has no state. The playground always sends one, so this request did not come from a flow started here: it was refused and no code was exchanged.",
        StateVerdict.Unknown => "The state in the callback is not one this portal handed out (or the portal restarted since). A callback whose state you did not send may be forged (CSRF): it was refused and the code was not exchanged.",
        StateVerdict.Replayed => "This state was already used: the callback was received once and its code exchanged. Reloading the callback page replays it, and a replayed callback is refused (the code is single use anyway). Start a new authorization.",
        StateVerdict.Expired => "The authorization was started too long ago: its state has expired. Start a new authorization.",
        _ => "",
    };

    private void Sweep()
    {
        var cutoff = time.GetUtcNow() - options.Value.AuthorizationLifetime;
        foreach (var (state, authorization) in pending)
        {
            if (authorization.SentAt < cutoff)
            {
                pending.TryRemove(state, out _);
                used[state] = authorization.SentAt;
            }
        }
        foreach (var (state, at) in used)
        {
            if (at < cutoff - options.Value.AuthorizationLifetime)
            {
                used.TryRemove(state, out _);
            }
        }
    }
}
