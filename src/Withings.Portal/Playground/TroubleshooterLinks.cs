using Withings.Client;
using Withings.Portal.Troubleshooting.Steps;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Playground;

/// <summary>A troubleshooter topic for a failed call, opened on the step its facts already answer.</summary>
public sealed record TopicLink(string Title, string Url);

/// <summary>
/// Finds the topic of a failed playground call: the topic whose Withings error text the answer carries, else the first
/// topic listed for its status, else the topic of its transport failure; the link is pre-filled with the status, the
/// endpoint kind, the grant and the action (<see cref="TopicLinks.WithPrefill"/>).
/// </summary>
public sealed class TroubleshooterLinks(TopicLibrary topics)
{
    public const string EmptyResponseTopic = "empty-response";

    public TopicLink? For(PlaygroundExchange call)
    {
        if (call.Error is not { } error)
        {
            return null;
        }
        var catalog = topics.Current;
        var topic = error.Kind switch
        {
            WithingsErrorKind.ApiStatus => catalog.Topics.FirstOrDefault(t => error.ErrorText is { } text && t.Meta.Errors.Contains(text, StringComparer.OrdinalIgnoreCase))
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

    /// <summary>The topic that explains an empty answer (scope, window, lastupdate, no device).</summary>
    public TopicLink? Empty(string? action)
    {
        var topic = topics.Current.Find(EmptyResponseTopic);
        return topic is null ? null : new TopicLink(topic.Title, action is null ? topic.Url
            : TopicLinks.WithPrefill(topic, new Dictionary<string, string> { ["action"] = action, ["endpoint"] = "data" }));
    }
}
