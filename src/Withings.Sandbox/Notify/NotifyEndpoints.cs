using Microsoft.EntityFrameworkCore;
using Withings.Client;
using Withings.Sandbox.Data;
using Withings.Sandbox.DataCalls;
using Withings.Sandbox.Wire;

namespace Withings.Sandbox.Notify;

/// <summary>
/// <c>{base}/wbsapi/notify</c>: subscribe, get, list, revoke, update, per user, app and appli. Subscribing (or moving a
/// subscription to a new URL) applies the callback URL rules and a HEAD check; a failure is status 293.
/// </summary>
internal static class NotifyEndpoints
{
    /// <summary>Every captured list shows this expiry.</summary>
    public const long NeverExpires = 2147483647;

    private static readonly IReadOnlyDictionary<string, string?> Actions = WithingsServices.Notify.ScopesOf("subscribe", "get", "list", "revoke", "update");

    public static RouteGroupBuilder MapNotifyEndpoints(this RouteGroupBuilder wbsapi)
    {
        wbsapi.MapMethods(WithingsServices.Notify.Path, SandboxRoutes.GetAndPost, HandleAsync).WithName("SandboxNotify");
        return wbsapi;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, DataCallGate gate, IDbContextFactory<SandboxDbContext> factory, CallbackChecker checker,
        NotificationSender sender, TimeProvider time)
    {
        var (call, rejection) = await gate.OpenAsync(http, Actions);
        if (call is null)
        {
            return rejection!;
        }
        var request = call.Request;
        if (!DataParameters.TryInt(request, "appli", out var appli, out var error) || !DataParameters.TryInt(request, "new_appli", out var newAppli, out error))
        {
            return error!;
        }
        foreach (var value in new[] { appli, newAppli })
        {
            if (value is { } a && (!NotifyAppli.Names.ContainsKey(a) || a == NotifyAppli.NoAccountAssociated))
            {
                return WithingsReply.InvalidParams(a == NotifyAppli.NoAccountAssociated
                    ? "appli 53 needs a signed subscribe (contract partners), not a user's token"
                    : $"invalid appli: {a} is not a notification category");
            }
        }
        var callbackUrl = request.Get("callbackurl");
        if (call.Action != "list" && string.IsNullOrWhiteSpace(callbackUrl))
        {
            return WithingsReply.InvalidParams("callbackurl is missing");
        }

        await using var db = await factory.CreateDbContextAsync(http.RequestAborted);
        var mine = db.NotifySubscriptions.Where(s => s.AppId == call.AppId && s.UserId == call.User.Id);
        switch (call.Action)
        {
            case "list":
                var profiles = await mine.Where(s => appli == null || s.Appli == appli).OrderBy(s => s.Id).ToListAsync(http.RequestAborted);
                return WithingsReply.Ok(new { profiles = profiles.Select(s => new { appli = s.Appli, callbackurl = s.CallbackUrl, expires = NeverExpires, comment = s.Comment }).ToArray() });
            case "get":
                var found = await mine.FirstOrDefaultAsync(s => s.CallbackUrl == callbackUrl && s.Appli == (appli ?? 1), http.RequestAborted);
                return found is null
                    ? WithingsReply.InvalidParams("no subscription for this callbackurl and appli")
                    : WithingsReply.Ok(new { appli = found.Appli, callbackurl = found.CallbackUrl, comment = found.Comment });
            case "revoke":
                var revoked = await mine.Where(s => s.CallbackUrl == callbackUrl && (appli == null || s.Appli == appli)).ToListAsync(http.RequestAborted);
                if (revoked.Count == 0)
                {
                    return WithingsReply.InvalidParams("no subscription for this callbackurl and appli");
                }
                db.NotifySubscriptions.RemoveRange(revoked);
                await db.SaveChangesAsync(http.RequestAborted);
                return WithingsReply.Ok(new { });
            case "subscribe":
                if (appli is null)
                {
                    return WithingsReply.InvalidParams("appli is missing");
                }
                if (Refuse(call, appli.Value) is { } scopeError)
                {
                    return scopeError;
                }
                if (await CallbackProblemAsync(callbackUrl!, checker, sender, http.RequestAborted) is { } problem)
                {
                    return problem;
                }
                var existing = await mine.FirstOrDefaultAsync(s => s.CallbackUrl == callbackUrl && s.Appli == appli, http.RequestAborted);
                if (existing is null)
                {
                    db.NotifySubscriptions.Add(new SandboxNotifySubscription
                    {
                        AppId = call.AppId, UserId = call.User.Id, Appli = appli.Value, CallbackUrl = callbackUrl!,
                        Comment = request.Get("comment"), CreatedAt = time.GetUtcNow().ToUnixTimeSeconds(),
                    });
                }
                else
                {
                    existing.Comment = request.Get("comment") ?? existing.Comment;
                }
                await db.SaveChangesAsync(http.RequestAborted);
                return WithingsReply.Ok(new { });
            default:
                return await UpdateAsync(call, appli, newAppli, callbackUrl!, mine, db, checker, sender, http.RequestAborted);
        }
    }

    private static async Task<IResult> UpdateAsync(DataCall call, int? appli, int? newAppli, string callbackUrl,
        IQueryable<SandboxNotifySubscription> mine, SandboxDbContext db, CallbackChecker checker, NotificationSender sender, CancellationToken ct)
    {
        var newCallbackUrl = call.Request.Get("new_callbackurl");
        var comment = call.Request.Get("comment");
        if (appli is null)
        {
            return WithingsReply.InvalidParams("appli is missing");
        }
        if (new object?[] { newCallbackUrl, newAppli, comment }.Count(v => v is not null) != 1)
        {
            return WithingsReply.InvalidParams("send exactly one of new_callbackurl, new_appli or comment");
        }
        var subscription = await mine.FirstOrDefaultAsync(s => s.CallbackUrl == callbackUrl && s.Appli == appli, ct);
        if (subscription is null)
        {
            return WithingsReply.InvalidParams("no subscription for this callbackurl and appli");
        }
        if (newCallbackUrl is not null)
        {
            if (await CallbackProblemAsync(newCallbackUrl, checker, sender, ct) is { } problem)
            {
                return problem;
            }
            subscription.CallbackUrl = newCallbackUrl;
        }
        else if (newAppli is { } next)
        {
            if (Refuse(call, next) is { } scopeError)
            {
                return scopeError;
            }
            subscription.Appli = next;
        }
        else
        {
            subscription.Comment = comment;
        }
        await db.SaveChangesAsync(ct);
        return WithingsReply.Ok(new { });
    }

    private static IResult? Refuse(DataCall call, int appli) =>
        WithingsServices.NotificationScope(appli) is { } scope && !call.Scopes.Contains(scope) ? WithingsReply.MissingScope(scope) : null;

    /// <summary>Status 293 (captured code; simulated wording): the URL breaks a rule or the HEAD check failed.</summary>
    private static async Task<IResult?> CallbackProblemAsync(string callbackUrl, CallbackChecker checker, NotificationSender sender, CancellationToken ct)
    {
        if (sender.IsInbox(callbackUrl))
        {
            // The host's own inbox: inside the process, so neither public nor checked over the network.
            return null;
        }
        var check = CallbackUrlRules.Check(callbackUrl, CallbackUrlMode.Standard);
        var problem = check.IsValid ? await checker.ProblemAsync(check.Url, ct) : check.Problems[0];
        return problem is null ? null : WithingsReply.CallbackUnusable(problem);
    }
}
