// The class of the same name, which this file's WithingsMarkers property (the markers a text shows) hides.
using Markers = Withings.Portal.Troubleshooting.Diagnosis.WithingsMarkers;

namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>Where a status code was read: the <c>status</c> field of a JSON answer, the HTTP status line, or prose.</summary>
public enum StatusLayer
{
    Body,
    Http,
    Unknown,
}

public readonly record struct FoundStatus(int Code, StatusLayer Layer);

/// <summary>Everything the extractor established about a pasted text; the scorer matches topics against it.</summary>
public sealed class ExtractedSignals
{
    public List<FoundStatus> Statuses { get; } = [];

    /// <summary>Endpoint kinds (<see cref="Signals.EndpointKinds"/>) the text is about, first seen first.</summary>
    public List<string> Endpoints { get; } = [];

    /// <summary>Facts with the sentence that explains each; the first sentence wins.</summary>
    public Dictionary<string, string> Facts { get; } = new(StringComparer.Ordinal);

    /// <summary>Facts that came from a request to a Withings host (as opposed to words in prose).</summary>
    public HashSet<string> WithingsRequestFacts { get; } = new(StringComparer.Ordinal);

    /// <summary>Lowercased phrases found in the text, with the position of the first occurrence.</summary>
    public Dictionary<string, int> Phrases { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Generic phrases (not Withings' own wording) whose first line also names Withings: in a text that mixes APIs,
    /// they still count as Withings evidence ("ReadTimeout … host='wbsapi.withings.net'").
    /// </summary>
    public HashSet<string> PhrasesOnWithingsLines { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the text is about Withings (markers, Withings-only wordings, Withings hosts); empty = it is not.</summary>
    public List<string> WithingsMarkers { get; } = [];

    /// <summary>Other APIs named in the text (Garmin, Fitbit, Stripe…).</summary>
    public List<string> OtherVendors { get; } = [];

    /// <summary>Hosts of other APIs the text's requests or errors go to (<c>api.openweathermap.org</c>).</summary>
    public List<string> OtherHosts { get; } = [];

    /// <summary>
    /// Other integrations and client libraries the text's log lines or tracebacks name by module path
    /// (<c>custom_components.navimow_pro</c>, <c>site-packages/wyze_sdk</c>).
    /// </summary>
    public List<string> OtherIntegrations { get; } = [];

    /// <summary>The text's last failure line (error line or deepest traceback frame) names another service.</summary>
    public bool FailsElsewhere { get; set; }

    /// <summary>The text positively names another service, API host or integration; without a Withings marker it gets no diagnosis.</summary>
    public bool PointsElsewhere => OtherVendors.Count > 0 || OtherHosts.Count > 0 || OtherIntegrations.Count > 0;

    /// <summary>What the text points to instead of Withings, for the reader.</summary>
    public string Elsewhere => string.Join(", ",
        OtherVendors.Select(Markers.DisplayName).Distinct(StringComparer.Ordinal).Concat(OtherHosts).Concat(OtherIntegrations).Take(3));

    /// <summary>
    /// The step a client log names right before its error ("Refresh Access Token", <c>getmeas</c>): the endpoint where
    /// the failing call happened, which a status code is read at; null when the log names no step.
    /// </summary>
    public string? FailingEndpoint { get; set; }

    /// <summary>Query values for pre-filling the decision steps (<c>status</c>, <c>endpoint</c>, <c>age</c>…).</summary>
    public Dictionary<string, string> Prefill { get; } = new(StringComparer.Ordinal);

    public bool IsAboutWithings => WithingsMarkers.Count > 0;

    public void AddFact(string fact, string evidence) => Facts.TryAdd(fact, evidence);

    public void AddEndpoint(string endpoint)
    {
        if (!Endpoints.Contains(endpoint))
        {
            Endpoints.Add(endpoint);
        }
    }

    /// <summary>Distinct statuses kept; a real paste holds a handful, a crafted one cannot make scoring slow.</summary>
    public const int MaxStatuses = 64;

    private readonly HashSet<FoundStatus> statusSet = [];

    public bool HasStatusCode(int code) => Statuses.Exists(s => s.Code == code);

    public void AddStatus(int code, StatusLayer layer)
    {
        if (Statuses.Count < MaxStatuses && statusSet.Add(new FoundStatus(code, layer)))
        {
            Statuses.Add(new FoundStatus(code, layer));
        }
    }
}
