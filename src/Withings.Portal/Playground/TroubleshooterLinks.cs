using Withings.Client;
using Withings.Portal.Troubleshooting.Diagnosis;
using Withings.Portal.Troubleshooting.Steps;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Playground;

/// <summary>A troubleshooter topic for a failed call, opened on the step its facts already answer.</summary>
public sealed record TopicLink(string Title, string Url);

/// <summary>
/// Finds the topic of a failed playground call: the topic whose Withings error text the answer carries, else the one the
/// paste box would diagnose first from the same call, else the first topic listed for its status, else the topic of its
/// transport failure; the link is pre-filled with the status, the endpoint kind, the grant and the action
/// (<see cref="TopicLinks.WithPrefill"/>).
/// </summary>
/// <remarks>
/// The status alone is not enough: 503 is a missing date, a bad code or a missing callback URL, and 401 a bad token or a
/// scope not granted. Their topics are told apart by the error's wording and the call, which is what the engine reads.
/// </remarks>
public sealed class TroubleshooterLinks(TopicLibrary topics, DiagnosisEngine engine)
{
    public const string EmptyResponseTopic = "empty-response";

    /// <summary>The topic of the developer dashboard's callback URL rules (<see cref="CallbackUrlRules"/>).</summary>
    public const string InvalidCallbackUrlTopic = "invalid-callback-url";

    public TopicLink? For(PlaygroundExchange call)
    {
        if (call.Error is not { } error)
        {
            return null;
        }
        var catalog = topics.Current;
        var topic = error.Kind switch
        {
            WithingsErrorKind.ApiStatus => Naming(catalog, error)
                                           ?? Diagnosed(catalog, call)
                                           ?? (catalog.TopicsForStatus(error.Status!.Value) is [var first, ..] ? first : null),
            WithingsErrorKind.Network or WithingsErrorKind.Timeout => catalog.Find("network-error"),
            _ => catalog.Find("server-error"),
        };
        if (topic is null)
        {
            return null;
        }
        var prefill = new Dictionary<string, string>(StringComparer.Ordinal) { ["endpoint"] = call.Endpoint, ["method"] = call.Exchange.Method };
        if (error.Status is { } status)
        {
            prefill["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (call.GrantType is { } grant)
        {
            prefill["grant_type"] = grant;
        }
        if (call.Action is { } action)
        {
            prefill["action"] = action;
        }
        return new TopicLink(topic.Title, TopicLinks.WithPrefill(topic, prefill));
    }

    /// <summary>
    /// The failure in words: the error, then its status family's advice only when no topic names this exact error. That
    /// advice is Withings' for a whole family ("Check the tokens and the parameters." for every 503) and misleads where
    /// the error says more: for "User is temporarily deactivated" neither is at fault. The topic linked under the error
    /// then gives the advice that fits.
    /// </summary>
    public string Explain(WithingsError error) =>
        error.Kind == WithingsErrorKind.ApiStatus && Naming(topics.Current, error) is not null
            ? error.Message.EndsWith('.') ? error.Message : $"{error.Message}."
            : error.Explained;

    /// <summary>A topic by id (a link to it from a page that knows which topic its problem is), or null when the content lacks it.</summary>
    public TopicLink? ById(string id) => topics.Current.Find(id) is { } topic ? new TopicLink(topic.Title, topic.Url) : null;

    /// <summary>The topic that lists the error's exact Withings wording, if one does.</summary>
    private static Topic? Naming(TopicCatalog catalog, WithingsError error) =>
        error.ErrorText is { } text ? catalog.Topics.FirstOrDefault(t => t.Meta.Errors.Contains(text, StringComparer.OrdinalIgnoreCase)) : null;

    /// <summary>The first topic the engine diagnoses from the call as a person would paste it, without a weaker suggestion.</summary>
    private Topic? Diagnosed(TopicCatalog catalog, PlaygroundExchange call) =>
        engine.Diagnose(AsPasted(call)) is { Outcome: DiagnosisOutcome.Diagnosed, Diagnoses: [var first, ..] } && !first.FromSearch
            ? catalog.Find(first.Topic)
            : null;

    /// <summary>
    /// The call as a log would show it: which Withings call it was (the playground knows, where a pasted text must say
    /// so), the request line's path, the form it sent (secrets are placeholders already) and the answer. The portal's own
    /// host is left out: it would read as another service's address.
    /// </summary>
    public static string AsPasted(PlaygroundExchange call)
    {
        var exchange = call.Exchange;
        var path = Uri.TryCreate(exchange.Url, UriKind.Absolute, out var url) ? url.PathAndQuery : exchange.Url;
        var kind = call.Action is { } action ? $" (action={action})" : call.GrantType is { } grant ? $" (grant_type={grant})" : "";
        var http = exchange.ResponseStatusCode is { } code ? $"HTTP {code}" : "no answer";
        return $"Withings API {call.Endpoint} call{kind}: {exchange.Method} {path}\n{exchange.RequestBody}\n{http}\n{exchange.ResponseBody}";
    }

    /// <summary>The topic that explains an empty answer (scope, window, lastupdate, no device).</summary>
    public TopicLink? Empty(string? action)
    {
        var topic = topics.Current.Find(EmptyResponseTopic);
        return topic is null ? null : new TopicLink(topic.Title, action is null ? topic.Url
            : TopicLinks.WithPrefill(topic, new Dictionary<string, string> { ["action"] = action, ["endpoint"] = "data" }));
    }
}
