using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>
/// Client logs name the step they are in ("Get Access Token", "Refresh Access Token", <c>fetch_token</c>,
/// <c>async_refresh_token</c>, <c>getmeas</c>, config-flow lines) just before the error. The step right before the
/// first error line is the call that failed: the same body status 503 means an invalid code after the first exchange,
/// an invalid refresh token after a refresh and invalid parameters after a data call.
/// </summary>
internal static class LogSteps
{
    private enum Step
    {
        CodeExchange,
        Refresh,
        DataCall,
        Subscribe,
    }

    /// <summary>Step names as clients log them (log messages, function names in tracebacks, Home Assistant's OAuth flow).</summary>
    private static readonly (string Cue, Step Step)[] Cues =
    [
        ("refresh access token", Step.Refresh), ("refreshing access token", Step.Refresh), ("refreshing token", Step.Refresh),
        ("refreshing the token", Step.Refresh), ("refreshing the access token", Step.Refresh), ("token refresh", Step.Refresh),
        ("refresh the token", Step.Refresh), ("refresh_access_token", Step.Refresh), ("async_refresh_token", Step.Refresh),
        ("_async_refresh_token", Step.Refresh), ("in refresh_token", Step.Refresh), ("refresh_token(", Step.Refresh),
        ("refresh token failed", Step.Refresh), ("failed to refresh", Step.Refresh), ("could not refresh", Step.Refresh),
        ("unable to refresh", Step.Refresh), ("error refreshing", Step.Refresh), ("refresh failed", Step.Refresh),
        ("refreshtoken", Step.Refresh), ("async_ensure_token_valid", Step.Refresh), ("ensure_token_valid", Step.Refresh),
        // the same step in other words and in camelCase method names
        ("refresh the access token", Step.Refresh), ("refresh my token", Step.Refresh), ("refresh my access token", Step.Refresh),
        ("refresh an access token", Step.Refresh), ("refreshing tokens", Step.Refresh), ("refreshing my token", Step.Refresh),
        ("when refreshing", Step.Refresh), ("while refreshing", Step.Refresh), ("refreshaccesstoken", Step.Refresh),
        ("refresh_access", Step.Refresh), ("token_refresh", Step.Refresh), ("tokenrefresh", Step.Refresh),
        ("renewaccesstoken", Step.Refresh), ("renew_token", Step.Refresh), ("renewtoken", Step.Refresh),
        // logs that put the service or the protocol between the verb and the token ("Refreshing Withings token")
        ("refreshing withings token", Step.Refresh), ("refreshing withings access token", Step.Refresh),
        ("refresh withings token", Step.Refresh), ("refresh withings access token", Step.Refresh),
        ("refreshing oauth token", Step.Refresh), ("refreshing oauth2 token", Step.Refresh), ("refresh oauth token", Step.Refresh),
        ("get access token", Step.CodeExchange), ("getting access token", Step.CodeExchange), ("get_access_token", Step.CodeExchange),
        ("fetch_token", Step.CodeExchange), ("fetch access token", Step.CodeExchange), ("request access token", Step.CodeExchange),
        ("requesting access token", Step.CodeExchange), ("access token request", Step.CodeExchange), ("exchange the code", Step.CodeExchange),
        ("exchanging the code", Step.CodeExchange), ("exchanging code", Step.CodeExchange), ("code exchange", Step.CodeExchange),
        ("async_resolve_external_data", Step.CodeExchange), ("received invalid token data", Step.CodeExchange),
        ("error getting token", Step.CodeExchange), ("get_credentials", Step.CodeExchange), ("getaccesstoken", Step.CodeExchange),
        // the first exchange in other words: "error while fetching Access Token", "Error retrieving access token"
        ("fetching access token", Step.CodeExchange), ("fetching the access token", Step.CodeExchange),
        ("retrieving access token", Step.CodeExchange), ("retrieving the access token", Step.CodeExchange),
        ("retrieve access token", Step.CodeExchange), ("obtaining access token", Step.CodeExchange),
        ("obtain access token", Step.CodeExchange), ("getting the access token", Step.CodeExchange),
        ("exchanging the authorization code", Step.CodeExchange), ("exchange the authorization code", Step.CodeExchange),
        ("token exchange", Step.CodeExchange),
        // Home Assistant's OAuth flow logs only while it exchanges the code ("Invalid token: {...}" under this logger).
        ("config_entry_oauth2_flow", Step.CodeExchange),
        ("get measurements", Step.DataCall), ("getting measurements", Step.DataCall), ("fetching measurements", Step.DataCall),
        ("get_measures", Step.DataCall), ("get_meas", Step.DataCall), ("measure_get_meas", Step.DataCall), ("getmeas", Step.DataCall),
        ("sleep_get", Step.DataCall), ("get_sleep", Step.DataCall), ("getactivity", Step.DataCall), ("get_activity", Step.DataCall),
        ("getintradayactivity", Step.DataCall), ("poll_data", Step.DataCall), ("fetching measures", Step.DataCall),
        ("get_sleep_summary", Step.DataCall), ("getsummary", Step.DataCall), ("fetch_measurements", Step.DataCall), ("get_measurements", Step.DataCall), ("getworkouts", Step.DataCall), ("heart_list", Step.DataCall),
        // Home Assistant's update coordinators: "Unexpected error fetching Withings measurements data: Error code 503".
        ("fetching withings", Step.DataCall),
        // notify subscribe, as clients log it; an "Invalid params" answer there is about the callback URL
        ("subscribe_webhook", Step.Subscribe), ("subscribing webhook", Step.Subscribe), ("subscribe webhook", Step.Subscribe),
        ("subscribing to notification", Step.Subscribe), ("subscribe_notification", Step.Subscribe),
        ("notify_subscribe", Step.Subscribe), ("configuring withings webhook", Step.Subscribe),
    ];

    /// <summary>
    /// Weaker cues: people who describe a refresh in prose name the token ("the refresh token", <c>refresh_token</c>)
    /// rather than a step. They place the error at a refresh only when the text names no step at all (a code
    /// exchange's answer carries a refresh_token too) and shows Withings' answer to a refused refresh, a status 503
    /// that is not an HTTP status; a 401 is Withings' answer to a bad access token, whatever the text says of refreshes.
    /// </summary>
    private static readonly string[] WeakRefreshCues = ["refresh token", "refresh_token"];

    /// <summary>Words that make a line an error line.</summary>
    private static readonly string[] ErrorWords = ["error", "exception", "fail", "invalid", "503", "denied", "unauthorized"];

    private const int MaxOccurrences = 32;


    private static readonly (string Cue, Step Step)[] AllCues = [.. Cues, .. WeakRefreshCues.Select(c => (c, Step.Refresh))];

    private static readonly System.Buffers.SearchValues<string> CueSearch =
        System.Buffers.SearchValues.Create(AllCues.Select(c => c.Cue).ToArray(), StringComparison.OrdinalIgnoreCase);

    private static bool IsWeak(int cue) => cue >= Cues.Length;

    public static void Read(string text, ExtractedSignals signals)
    {
        var steps = new List<(int At, int Cue)>();
        var pos = 0;
        while (pos < text.Length && steps.Count < MaxOccurrences * 8)
        {
            var at = text.AsSpan(pos).IndexOfAny(CueSearch);
            if (at < 0)
            {
                break;
            }
            pos += at;
            var rest = text.AsSpan(pos);
            var longest = -1;
            for (var c = 0; c < AllCues.Length; c++)
            {
                if (rest.StartsWith(AllCues[c].Cue, StringComparison.OrdinalIgnoreCase) && (longest < 0 || AllCues[c].Cue.Length > AllCues[longest].Cue.Length))
                {
                    longest = c;
                }
            }
            steps.Add((pos, longest));
            pos += Math.Max(1, AllCues[longest].Cue.Length);
        }
        var foreign = ForeignLines.For(text, signals);
        steps.RemoveAll(s => foreign.Contains(s.At));
        if (steps.Exists(s => !IsWeak(s.Cue)) || signals.HasStatusCode(401)
            || !signals.Statuses.Exists(s => s is { Code: 503, Layer: not StatusLayer.Http }))
        {
            steps.RemoveAll(s => IsWeak(s.Cue));
        }
        if (steps.Count == 0)
        {
            return;
        }
        if (FailingStep(text, steps) is not { } cue)
        {
            return;
        }
        var (word, step) = AllCues[cue];
        var sentence = IsWeak(cue)
            ? $"the text names the “{word}” right before the error"
            : $"the log's step right before the error is “{word}”";
        switch (step)
        {
            case Step.Refresh:
                signals.FailingEndpoint = EndpointKinds.Token;
                signals.AddEndpoint(EndpointKinds.Token);
                signals.Facts.Remove(SignalFacts.GrantAuthorizationCode);
                signals.Facts[SignalFacts.GrantRefreshToken] = sentence + " (a token refresh)";
                signals.Prefill["grant_type"] = "refresh_token";
                break;
            case Step.CodeExchange:
                signals.FailingEndpoint = EndpointKinds.Token;
                signals.AddEndpoint(EndpointKinds.Token);
                signals.Facts.Remove(SignalFacts.GrantRefreshToken);
                signals.Facts[SignalFacts.GrantAuthorizationCode] = sentence + " (the code exchange)";
                signals.Prefill["grant_type"] = "authorization_code";
                break;
            case Step.DataCall:
                signals.FailingEndpoint = EndpointKinds.Data;
                signals.AddEndpoint(EndpointKinds.Data);
                signals.AddFact(SignalFacts.EndpointData, sentence + " (a data call)");
                break;
            case Step.Subscribe:
                signals.FailingEndpoint = EndpointKinds.Notify;
                signals.AddEndpoint(EndpointKinds.Notify);
                signals.AddFact(SignalFacts.EndpointNotify, sentence + " (a notification subscription)");
                break;
        }
        signals.Prefill["endpoint"] = signals.FailingEndpoint!;
    }

    /// <summary>
    /// The last step named on or before the last error line (what finally failed: a client that retries with a refresh
    /// after a failed exchange reports the refresh last); a log whose error comes before any step (Home Assistant
    /// prints the logger name under the message) takes the first step after it. Each error word is searched once from
    /// each end, so a long log costs a few vectorized passes, not a pass per line.
    /// </summary>
    private static int? FailingStep(string text, List<(int At, int Cue)> steps)
    {
        int first = int.MaxValue, last = -1;
        foreach (var word in ErrorWords)
        {
            var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                first = Math.Min(first, at);
                last = Math.Max(last, text.LastIndexOf(word, StringComparison.OrdinalIgnoreCase));
            }
        }
        if (last < 0)
        {
            return null;
        }
        var lastLineEnd = text.IndexOf('\n', last) is var end and >= 0 ? end : text.Length;
        var before = steps.FindLastIndex(s => s.At < lastLineEnd);
        if (before >= 0)
        {
            return steps[before].Cue;
        }
        var firstLineEnd = text.IndexOf('\n', first) is var firstEnd and >= 0 ? firstEnd : text.Length;
        var after = steps.FindIndex(s => s.At > firstLineEnd);
        return after >= 0 ? steps[after].Cue : null;
    }

    /// <summary>
    /// Lines about another service in a log that also names Withings (Home Assistant logs every integration, sync tools
    /// log both ends): a line that names another vendor and no Withings marker. A step named on such a line is that
    /// service's, not the Withings call's. Only the text around a position (a few hundred characters each way) is read,
    /// so a megabyte on one line costs no more than a short one.
    /// </summary>
    private readonly struct ForeignLines
    {
        private const int Reach = 400;

        private static readonly System.Buffers.SearchValues<string> WithingsNames =
            System.Buffers.SearchValues.Create([.. WithingsMarkers.Markers], StringComparison.OrdinalIgnoreCase);

        private readonly string text;
        private readonly System.Buffers.SearchValues<string>? vendors;

        private ForeignLines(string text, System.Buffers.SearchValues<string>? vendors)
        {
            this.text = text;
            this.vendors = vendors;
        }

        public static ForeignLines For(string text, ExtractedSignals signals) =>
            new(text, signals.OtherVendors.Count == 0 ? null : System.Buffers.SearchValues.Create([.. signals.OtherVendors], StringComparison.OrdinalIgnoreCase));

        public bool Contains(int position)
        {
            if (vendors is null)
            {
                return false;
            }
            var from = Math.Max(0, position - Reach);
            var start = text.LastIndexOf('\n', position, position - from + 1) + 1;
            if (start == 0)
            {
                start = from;
            }
            var to = Math.Min(text.Length, position + Reach);
            var end = text.IndexOf('\n', position, to - position);
            var line = text.AsSpan(start, (end < 0 ? to : end) - start);
            return line.IndexOfAny(vendors) >= 0 && line.IndexOfAny(WithingsNames) < 0;
        }
    }
}
