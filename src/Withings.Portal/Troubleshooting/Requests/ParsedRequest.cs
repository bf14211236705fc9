namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>Where a request was read from.</summary>
public enum RequestSource
{
    Curl,
    RawHttp,
    LogLine,
    Url,
    Code,
}

/// <summary>How the body was encoded, as far as the text shows.</summary>
public enum BodyFormat
{
    None,
    Form,
    Json,
    Multipart,
}

/// <summary>
/// A request as written in pasted text: a curl command, a raw HTTP request, a client log line, a URL or a client
/// call in code. Anything the text does not show stays unknown (<c>null</c> method, <see cref="ParamsKnown"/> false),
/// so rules never judge what they cannot see.
/// </summary>
public sealed record ParsedRequest(
    RequestSource Source,
    string? Method,
    string? Scheme,
    string? Host,
    int? Port,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Body,
    IReadOnlyDictionary<string, string> Headers,
    BodyFormat BodyFormat,
    bool ParamsKnown)
{
    public RequestTarget Target { get; } = RequestTargets.Classify(Host, Path);

    /// <summary>A parameter from the query or the body (query first), or null.</summary>
    public string? Param(string name) =>
        Query.FirstOrDefault(p => p.Key == name).Value ?? Body.FirstOrDefault(p => p.Key == name).Value;

    public bool HasParam(string name) => Query.Any(p => p.Key == name) || Body.Any(p => p.Key == name);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The request as one readable line, secrets not included (no parameter values).</summary>
    public string Describe() => $"{Method ?? "?"} {(Host is null ? "" : $"{Scheme ?? "https"}://{Host}")}{Path}";
}
