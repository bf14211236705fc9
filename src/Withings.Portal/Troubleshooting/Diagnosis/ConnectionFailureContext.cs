using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>
/// A connection that failed before any answer (a time-out, a DNS failure, a reset) leaves no API's wording in the
/// log: nothing Withings prints can be there, and logs of integrations seldom repeat the host. Such a paste names no
/// Withings marker by nature, so the marker gate would turn it away whatever it is about. On this portal it is read as
/// a Withings connection failure when nothing in it points elsewhere and it is about what the Withings API serves:
/// OAuth tokens, webhooks, health measurements.
/// </summary>
internal static class ConnectionFailureContext
{
    /// <summary>
    /// Words of the calls an integration makes to Withings. An unnamed connection failure with none of them (a weather
    /// upload, a model server) has nothing to do with this portal.
    /// </summary>
    private static readonly string[] ContextWords =
    [
        "oauth", "access token", "refresh token", "access_token", "refresh_token", "webhook", "cloudhook",
        "measurement", "measures", "weight", "body composition", "blood pressure", "heart rate", "sleep data", "sleep summary",
        "health data", "scale",
    ];

    private static readonly System.Buffers.SearchValues<string> ContextSearch =
        System.Buffers.SearchValues.Create(ContextWords, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Topics of a call that got no answer at all: the connectivity topics that list no status code (a network
    /// failure, CORS, a wrong host), as opposed to a server error, which is an answer.
    /// </summary>
    public static bool IsNoAnswerTopic(Topic topic) => topic.Meta.Category == "connectivity" && topic.Meta.StatusCodes.Count == 0;

    /// <summary>
    /// The word that ties an unnamed text to the Withings API's calls ("OAuth", "webhook", "measurements"); null when
    /// the text has none, or names Withings, or points elsewhere (then the ordinary gate decides).
    /// </summary>
    public static string? For(string text, ExtractedSignals signals)
    {
        if (signals.IsAboutWithings || signals.PointsElsewhere)
        {
            return null;
        }
        var at = text.AsSpan().IndexOfAny(ContextSearch);
        if (at < 0)
        {
            return null;
        }
        foreach (var word in ContextWords)
        {
            if (text.AsSpan(at).StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return word;
            }
        }
        return null;
    }
}
