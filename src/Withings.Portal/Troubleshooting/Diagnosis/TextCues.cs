using Withings.Client;
using Withings.Portal.Troubleshooting.Requests;
using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>
/// Signals read from words rather than from a parsed request: which endpoint a log or a sentence is about,
/// grant_type and action values printed anywhere, the scopes a token carries, an empty successful answer.
/// </summary>
internal static class TextCues
{
    /// <summary>Words that place a text at an endpoint (Withings' own names for its services and steps).</summary>
    private static readonly (string Word, string Endpoint)[] EndpointWords =
    [
        ("requesttoken", EndpointKinds.Token), ("/v2/oauth2", EndpointKinds.Token), ("oauth2/token", EndpointKinds.LegacyToken),
        ("authorize2", EndpointKinds.Authorize), ("oauth2_user/authorize", EndpointKinds.Authorize),
        ("getnonce", EndpointKinds.Signature), ("/v2/signature", EndpointKinds.Signature),
        ("getmeas", EndpointKinds.Data), ("getactivity", EndpointKinds.Data), ("getintradayactivity", EndpointKinds.Data),
        ("getworkouts", EndpointKinds.Data), ("getsummary", EndpointKinds.Data), ("getdevice", EndpointKinds.Data),
        ("getgoals", EndpointKinds.Data), ("v2/sleep", EndpointKinds.Data), ("v2/heart", EndpointKinds.Data), ("v2/measure", EndpointKinds.Data),
        ("callbackurl", EndpointKinds.Notify), ("notify subscribe", EndpointKinds.Notify), ("subscribe_notification", EndpointKinds.Notify),
        ("action=subscribe", EndpointKinds.Notify), ("/notify", EndpointKinds.Notify), ("subscribing to notification", EndpointKinds.Notify),
        ("subscribe to notification", EndpointKinds.Notify), ("subscription", EndpointKinds.Notify), ("notify_subscribe", EndpointKinds.Notify), ("notification subscription", EndpointKinds.Notify),
        ("partner application", EndpointKinds.Registration), ("developer dashboard", EndpointKinds.Registration),
        ("developer portal", EndpointKinds.Registration), ("register the app", EndpointKinds.Registration),
        ("oauth_consumer_key", EndpointKinds.OAuth1),
    ];

    /// <summary>
    /// Words that name a call needing a scope: actions that belong to one service only (getmeas, getsummary…), and the
    /// heart service, whose actions ("list", "get") are too common to look for alone.
    /// </summary>
    private static readonly (string Word, string Scope)[] ScopedWords =
    [
        .. WithingsServices.All
            .SelectMany(service => service.Actions.Select(action => (Action: action, Scope: service.ScopeOf(action))))
            .Where(a => a.Scope is not null && RequestTargets.ServicesWithAction(a.Action).Count() == 1)
            .Select(a => (a.Action, a.Scope!)),
        .. ((string[])["v2/heart", "heart list", "heart get"]).Select(word => (word, WithingsServices.Heart.ScopeOf("list")!)),
    ];

    private static readonly string[] OAuth1Keys = ["oauth_consumer_key", "oauth_signature", "oauth_token", "oauth_nonce"];

    /// <summary>The words above looked for in one pass over the text rather than one pass each.</summary>
    private static readonly PhraseIndex WordIndex = new([.. EndpointWords.Select(e => e.Word), .. OAuth1Keys]);

    private static readonly string[] EmptyLists = ["measuregrps", "series", "activities", "devices", "goals"];

    public static void Read(string text, ExtractedSignals signals)
    {
        var present = WordIndex.FindIn(text);
        foreach (var (word, endpoint) in EndpointWords)
        {
            if (present.ContainsKey(word))
            {
                signals.AddEndpoint(endpoint);
            }
        }
        ProseFacts(text, present, signals);
        Grant(text, signals);
        Action(text, signals);
        Scopes(text, signals);
        EmptyResult(text, signals);
        if (text.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase) || text.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || text.Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            signals.AddFact(SignalFacts.HtmlResponse, "the answer is an HTML page, not the JSON envelope");
        }
    }

    /// <summary>The same mistakes the request rules catch, when the text only names them in prose or a stack trace.</summary>
    private static void ProseFacts(string text, Dictionary<string, int> present, ExtractedSignals signals)
    {
        var at = text.IndexOf("oauth2_user/authorize", StringComparison.OrdinalIgnoreCase);
        for (var n = 0; at >= 0 && n < 16; n++)
        {
            var after = at + "oauth2_user/authorize".Length;
            if (after >= text.Length || text[after] != '2')
            {
                signals.AddFact(SignalFacts.EndpointAuthorizeV1, FactSentences.AuthorizeV1("oauth2_user/authorize"));
                signals.AddEndpoint(EndpointKinds.AuthorizeV1);
                break;
            }
            at = text.IndexOf("oauth2_user/authorize", after, StringComparison.OrdinalIgnoreCase);
        }
        if (text.Contains("wbsapi.withings.com", StringComparison.OrdinalIgnoreCase))
        {
            signals.AddFact(SignalFacts.HostApiCom, FactSentences.HostApiCom);
        }
        if (text.Contains("withings.com/oauth2/token", StringComparison.OrdinalIgnoreCase))
        {
            signals.AddFact(SignalFacts.EndpointLegacyToken, "the text uses the retired `account.withings.com/oauth2/token` endpoint");
        }
        else if (text.Contains("oauth2/token", StringComparison.OrdinalIgnoreCase) && NamesAccountHost(text))
        {
            // Client code keeps the base URL and the path apart (URL = "https://account.withings.com", PATH_TOKEN =
            // "oauth2/token"); on the account host that path is only ever the retired token endpoint.
            signals.AddFact(SignalFacts.EndpointLegacyToken,
                "the text builds its token URL from the account host and `oauth2/token`: the retired endpoint");
        }
        foreach (var key in OAuth1Keys)
        {
            if (present.ContainsKey(key))
            {
                signals.AddFact(SignalFacts.OAuth1Params, $"the text carries the OAuth 1.0 parameter `{key}`");
                break;
            }
        }
    }

    /// <summary>The hosts of Withings' login and consent pages, where the retired token endpoint lived.</summary>
    private static bool NamesAccountHost(string text) =>
        text.Contains("account.withings.com", StringComparison.OrdinalIgnoreCase)
        || text.Contains("account.health.nokia.com", StringComparison.OrdinalIgnoreCase)
        || text.Contains("account.us.withingsmed.com", StringComparison.OrdinalIgnoreCase);

    private static void Grant(string text, ExtractedSignals signals)
    {
        foreach (var value in KeyValueScanner.Values(text, "grant_type", 4))
        {
            switch (value)
            {
                case "authorization_code":
                    signals.AddFact(SignalFacts.GrantAuthorizationCode, FactSentences.GrantAuthorizationCode);
                    signals.AddEndpoint(EndpointKinds.Token);
                    signals.Prefill.TryAdd("grant_type", value);
                    break;
                case "refresh_token":
                    signals.AddFact(SignalFacts.GrantRefreshToken, FactSentences.GrantRefreshToken);
                    signals.AddEndpoint(EndpointKinds.Token);
                    signals.Prefill.TryAdd("grant_type", value);
                    break;
            }
        }
    }

    private static void Action(string text, ExtractedSignals signals)
    {
        foreach (var value in KeyValueScanner.Values(text, "action", 6))
        {
            var action = value.Trim().ToLowerInvariant();
            if (action.Length is 0 or > 40 || !action.All(char.IsAsciiLetterOrDigit))
            {
                continue;
            }
            var services = RequestTargets.ServicesWithAction(action).ToList();
            if (services.Count == 0)
            {
                signals.AddFact(SignalFacts.ActionUnknown, $"`action={action}` is not an action of any Withings service");
                continue;
            }
            signals.Prefill.TryAdd("action", action);
            if (services.Count == 1)
            {
                signals.AddEndpoint(RequestTargets.Classify(null, services[0].Path).Kind ?? EndpointKinds.Data);
            }
        }
    }

    /// <summary>A token answer or authorize URL that lists scopes, next to a call whose action needs another scope.</summary>
    private static void Scopes(string text, ExtractedSignals signals)
    {
        var granted = KeyValueScanner.Values(text, "scope", 4)
            .SelectMany(v => Uri.UnescapeDataString(v).Split(',', ' ', '+'))
            .Where(s => s.StartsWith("user.", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        if (granted.Count == 0)
        {
            return;
        }
        foreach (var (action, scope) in ScopedWords)
        {
            if (!granted.Contains(scope) && text.Contains(action, StringComparison.OrdinalIgnoreCase))
            {
                signals.AddFact(SignalFacts.ScopeMissing,
                    $"the token's scope is `{string.Join(",", granted.Order())}`, but `{action}` needs `{scope}`");
                return;
            }
        }
    }

    private static readonly string[] DateRangeParameters = ["startdate", "enddate"];

    private static void EmptyResult(string text, ExtractedSignals signals)
    {
        // Withings' reference says to use lastupdate instead of startdate/enddate (and startdateymd/enddateymd); clients
        // that send both, often through a default of lastupdate = now, get an empty list back without any error, so a
        // text with an error status (a 503 for the same parameters) is about that error instead.
        if (!signals.Statuses.Exists(s => s.Code is not (0 or 200))
            && text.Contains("lastupdate", StringComparison.OrdinalIgnoreCase)
            && DateRangeParameters.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)))
        {
            signals.AddFact(SignalFacts.LastUpdateWithDateRange,
                "the text sends `lastupdate` together with a date range, which Withings says not to combine");
        }
        if (signals.HasStatusCode(0) && EmptySuccessfulBody(text))
        {
            signals.AddFact(SignalFacts.EmptyResult, "the answer succeeded (`status: 0`) but its `body` is empty");
            return;
        }
        foreach (var list in EmptyLists)
        {
            foreach (var value in EmptyListValues(text, list))
            {
                if (value)
                {
                    signals.AddFact(SignalFacts.EmptyResult, $"the answer succeeded but `{list}` is empty");
                    return;
                }
            }
        }
    }

    /// <summary>
    /// <c>"body":{}</c>, <c>'body': {}</c>, <c>Body: {}</c> in an answer whose own status is 0. A log of successful calls
    /// ending in an error's empty body (<c>{"status":601,"body":{}}</c>) is about that error: an empty body is read
    /// against the status written beside it, and against the text's status 0 only when none is.
    /// </summary>
    private static bool EmptySuccessfulBody(string text)
    {
        var from = 0;
        for (var n = 0; n < 8; n++)
        {
            var at = text.IndexOf("body", from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }
            from = at + 4;
            var i = from;
            while (i < text.Length && i - from < 6 && text[i] is '"' or '\'' or ':' or ' ' or '=')
            {
                i++;
            }
            if (i > from && i + 1 < text.Length && text[i] == '{' && text[i + 1] == '}'
                && StatusBeside(text, at, i + 2) is null or 0)
            {
                return true;
            }
        }
        return false;
    }

    private const int SameAnswerReach = 80;

    /// <summary>The status written in the same answer as a body (before it, or right after it), if any.</summary>
    private static int? StatusBeside(string text, int bodyAt, int bodyEnd)
    {
        var start = Math.Max(0, bodyAt - SameAnswerReach);
        var before = text.AsSpan(start, bodyAt - start);
        var lineStart = before.LastIndexOfAny('\n', '{');
        var statusAt = before[(lineStart + 1)..].LastIndexOf("status", StringComparison.OrdinalIgnoreCase);
        if (statusAt >= 0)
        {
            return KeyValueScanner.First(text[(start + lineStart + 1 + statusAt)..bodyAt], "status") is { } value
                && int.TryParse(value, out var code) ? code : null;
        }
        var after = text.AsSpan(bodyEnd, Math.Min(SameAnswerReach, text.Length - bodyEnd));
        var lineEnd = after.IndexOfAny('\n', '}');
        var window = lineEnd < 0 ? after : after[..lineEnd];
        var statusAfter = window.IndexOf("status", StringComparison.OrdinalIgnoreCase);
        return statusAfter >= 0
            && KeyValueScanner.First(window[statusAfter..].ToString(), "status") is { } following
            && int.TryParse(following, out var next) ? next : null;
    }

    private static IEnumerable<bool> EmptyListValues(string text, string key)
    {
        var from = 0;
        for (var n = 0; n < 8; n++)
        {
            var at = text.IndexOf(key, from, StringComparison.Ordinal);
            if (at < 0)
            {
                yield break;
            }
            from = at + key.Length;
            var i = from;
            while (i < text.Length && i - from < 6 && text[i] is '"' or '\'' or ':' or ' ' or '=')
            {
                i++;
            }
            yield return i + 1 < text.Length && text[i] == '[' && (text[i + 1] == ']' || text[i + 1] == ' ' && i + 2 < text.Length && text[i + 2] == ']');
        }
    }
}
