namespace Withings.Portal.Troubleshooting.Topics;

/// <summary>
/// A failing call and the corrected call, to run against the sandbox (<c>{base}/account/…</c>,
/// <c>{base}/wbsapi/…</c>). Values use placeholders (<c>{client_id}</c>, <c>{code}</c>, …), never secrets.
/// </summary>
public sealed class TopicReproduce
{
    public ReproduceCall Failing { get; set; } = new();

    public ReproduceCall Corrected { get; set; } = new();
}

public sealed class ReproduceCall
{
    /// <summary>What has to be true before the call (e.g. "a code older than 30 s"), for the sandbox runner.</summary>
    public string Setup { get; set; } = "";

    /// <summary>What the runner does first so the sandbox answers as described (<see cref="TopicVocabulary.ReproducePreparations"/>).</summary>
    public List<string> Prepare { get; set; } = [];

    public string Method { get; set; } = "POST";

    /// <summary>Path under a sandbox base: starts with <c>/account/</c> or <c>/wbsapi/</c>.</summary>
    public string Path { get; set; } = "";

    public List<ReproduceParameter> Params { get; set; } = [];

    public ReproduceExpectation Expect { get; set; } = new();
}

public sealed class ReproduceParameter
{
    public string Name { get; set; } = "";

    public string Value { get; set; } = "";

    /// <summary><c>body</c> (form-urlencoded), <c>query</c> or <c>header</c>.</summary>
    public string In { get; set; } = "body";
}

public sealed class ReproduceExpectation
{
    /// <summary>HTTP status of the answer (Withings answers 200 even for errors).</summary>
    public int Http { get; set; } = 200;

    /// <summary>When set, the answer must contain this text (e.g. a list that comes back empty: <c>"measuregrps":[]</c>).</summary>
    public string? Contains { get; set; }

    /// <summary>The <c>status</c> field of the JSON body, when there is one.</summary>
    public int? Status { get; set; }

    /// <summary>Text the answer must contain (the <c>error</c> field, or a page text).</summary>
    public string? Error { get; set; }

    /// <summary>
    /// True when Withings' own answer to this call is not confirmed by a source (e.g. the HTTP status of a consent-page
    /// error): the expectation is then what the sandbox answers, and the page says so instead of "Withings answers".
    /// </summary>
    public bool Unconfirmed { get; set; }
}
