using System.Text;

namespace Withings.Client;

/// <summary>
/// One request and its response as they went over the wire, with every secret already replaced by a labelled
/// placeholder (<c>&lt;client_secret&gt;</c>, <c>&lt;access_token&gt;</c>, <c>&lt;refresh_token&gt;</c>, <c>&lt;code&gt;</c>,
/// <c>&lt;signature&gt;</c>, <c>&lt;nonce&gt;</c>), so it can be shown, logged or stored as it is.
/// </summary>
public sealed record HttpExchange(
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    string? RequestBody,
    int? ResponseStatusCode,
    IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders,
    string? ResponseBody,
    long ElapsedMilliseconds)
{
    /// <summary>
    /// Records a request and its response (null when none came) as they went over the wire, every text passed through
    /// <paramref name="redact"/>. Content-Length is left out: it describes the real body, not the one shown.
    /// </summary>
    public static HttpExchange Record(HttpRequestMessage request, string? requestBody, HttpResponseMessage? response, string? responseBody,
        long elapsedMilliseconds, Func<string, string> redact)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(redact);
        var requestHeaders = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(h => KeyValuePair.Create(h.Key, redact(string.Join(", ", h.Value))))
            .ToList();
        var responseHeaders = response is null
            ? []
            : response.Headers.Concat(response.Content.Headers)
                .Select(h => KeyValuePair.Create(h.Key, redact(string.Join(", ", h.Value))))
                .ToList();
        return new HttpExchange(
            request.Method.Method,
            redact(request.RequestUri!.ToString()),
            requestHeaders,
            requestBody is null ? null : redact(requestBody),
            response is null ? null : (int)response.StatusCode,
            responseHeaders,
            responseBody is null ? null : redact(responseBody),
            elapsedMilliseconds);
    }

    /// <summary>The redacted request as a curl command a reader can paste after putting their own values back.</summary>
    public string ToCurl()
    {
        var curl = new StringBuilder("curl");
        if (Method != "GET" || RequestBody is not null)
        {
            curl.Append(" -X ").Append(Method);
        }
        curl.Append(' ').Append(Quote(Url));
        foreach (var (name, value) in RequestHeaders.Where(h => !TraceHeaders.Contains(h.Key)))
        {
            curl.Append(" \\\n  -H ").Append(Quote($"{name}: {value}"));
        }
        if (RequestBody is not null)
        {
            curl.Append(" \\\n  --data ").Append(Quote(RequestBody));
        }
        return curl.ToString();
    }

    /// <summary>
    /// Headers the caller's own tracing adds (W3C Trace Context, baggage, the older Request-Id): shown on the wire as sent,
    /// but left out of a command a reader copies, where they would only tie the reader's request to this trace.
    /// </summary>
    private static readonly HashSet<string> TraceHeaders = new(["traceparent", "tracestate", "baggage", "Request-Id", "Correlation-Context"], StringComparer.OrdinalIgnoreCase);

    /// <summary>POSIX shell single quoting: nothing inside is expanded; a quote becomes <c>'\''</c>.</summary>
    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
