using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Troubleshooting.Topics;

/// <summary>
/// What identifies a topic in pasted text. Each matched signal adds its weight as independent evidence
/// (score = 1 − Π(1 − w)); a negative weight is evidence against the topic (score × (1 + w)).
/// </summary>
public sealed class TopicSignals
{
    /// <summary>Error texts and their variants as clients print them; matched case-insensitively anywhere.</summary>
    public List<PhraseSignal> Phrases { get; set; } = [];

    /// <summary>Status codes and where they occur (the same code means different things at different endpoints).</summary>
    public List<StatusSignal> Statuses { get; set; } = [];

    /// <summary>Facts the extractor finds in requests, URLs and logs (names from <see cref="Signals.SignalFacts"/>).</summary>
    public List<FactSignal> Facts { get; set; } = [];
}

public sealed class PhraseSignal
{
    public string Text { get; set; } = "";

    public double Weight { get; set; }

    /// <summary>
    /// True when the wording is Withings' own (e.g. "Invalid Params: invalid code"): finding it is enough to know the
    /// text is about the Withings API. Generic wordings ("invalid_grant", "CORS policy") need another Withings marker.
    /// </summary>
    public bool Withings { get; set; }
}

public sealed class StatusSignal
{
    public int Code { get; set; }

    /// <summary>Endpoints (<see cref="EndpointKinds.All"/>) where the code means this topic; empty = anywhere.</summary>
    public List<string> At { get; set; } = [];

    /// <summary><c>body</c> (the <c>status</c> field of a Withings JSON answer, the default) or <c>http</c>.</summary>
    public string Layer { get; set; } = "body";

    public double Weight { get; set; }
}

public sealed class FactSignal
{
    public string Fact { get; set; } = "";

    public double Weight { get; set; }
}
