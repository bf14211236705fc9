using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Troubleshooting.Topics;

/// <summary>The closed word lists topic files may use; the catalog rejects anything else, with file and line.</summary>
public static class TopicVocabulary
{
    /// <summary>The 24 topic ids: a public contract (support macros link to them), never renamed.</summary>
    public static readonly IReadOnlyList<string> ContractIds =
    [
        "redirect-uri-mismatch", "invalid-callback-url", "client-id-not-authorized", "wrong-authorize-endpoint",
        "invalid-code", "invalid-grant-type", "client-id-missing", "invalid-client-credentials",
        "invalid-refresh-token", "deprecated-token-endpoint", "oauth1-deprecated", "signature-nonce",
        "invalid-access-token", "missing-scope", "invalid-params-data-call", "unknown-action", "empty-response",
        "user-deactivated", "rate-limited", "server-error", "wrong-api-host", "cors", "network-error",
        "notification-callback",
    ];

    public static readonly IReadOnlySet<string> Categories = new HashSet<string>(StringComparer.Ordinal)
    {
        "authorization", "app-setup", "token", "signing", "data-calls", "notifications", "connectivity",
    };

    /// <summary>Live checks a step can host (rendered by the topic pages).</summary>
    public static readonly IReadOnlySet<string> Checks = new HashSet<string>(StringComparer.Ordinal)
    {
        "callback-url", "request-lint", "code-age",
    };

    /// <summary>
    /// Preparations the reproduce runner makes before a call (<c>prepare:</c>): <c>code-used</c> = the call's
    /// <c>{code}</c> was already exchanged once; <c>refresh-token-rotated</c> = its <c>{refresh_token}</c> was refreshed
    /// and the new access token used, so it is dead; <c>send-twice</c> = the identical call goes out twice and the second
    /// answer is the one shown.
    /// </summary>
    public static readonly IReadOnlySet<string> ReproducePreparations = new HashSet<string>(StringComparer.Ordinal)
    {
        "code-used", "refresh-token-rotated", "send-twice",
    };

    /// <summary>
    /// Placeholders the reproduce runner fills: the portal's sandbox app (<c>client_id</c>, <c>client_secret</c>,
    /// <c>redirect_uri</c>), a fresh <c>code</c> per call, the demo user's <c>access_token</c> / <c>refresh_token</c>, and a
    /// <c>callback_url</c> on the portal that answers Withings' HEAD check.
    /// </summary>
    public static readonly IReadOnlySet<string> ReproducePlaceholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "client_id", "client_secret", "redirect_uri", "code", "access_token", "refresh_token", "callback_url",
    };

    /// <summary>
    /// What the callback-URL check says about a URL (<c>?url=</c>), most fundamental first: <c>invalid</c> (not a URL,
    /// too long, a #fragment), <c>local</c> (localhost or an IP address), <c>http</c> (not https), <c>port</c> (not 80/443),
    /// <c>ok</c> (accepted by Withings' rules).
    /// </summary>
    public static readonly IReadOnlySet<string> UrlVerdicts = new HashSet<string>(StringComparer.Ordinal)
    {
        "invalid", "local", "http", "port", "ok",
    };

    public static readonly IReadOnlySet<string> YesNo = new HashSet<string>(StringComparer.Ordinal) { "yes", "no" };

    public static readonly IReadOnlySet<string> StatusLayers = new HashSet<string>(StringComparer.Ordinal) { "body", "http" };

    public static readonly IReadOnlySet<string> ParamPlaces = new HashSet<string>(StringComparer.Ordinal) { "query", "body", "json" };

    public static readonly IReadOnlySet<string> ReproduceParamPlaces = new HashSet<string>(StringComparer.Ordinal) { "query", "body", "header" };

    public static readonly IReadOnlySet<string> GrantTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "authorization_code", "refresh_token", "other",
    };

    public static readonly IReadOnlySet<string> Methods = new HashSet<string>(StringComparer.Ordinal) { "GET", "POST", "HEAD", "PUT" };

    /// <summary>
    /// Host families for <c>?host=</c>: <c>api</c> (wbsapi.withings.net), <c>api-com</c> (the wrong wbsapi.withings.com),
    /// <c>account</c>, <c>us</c> (the US medical cloud), <c>other</c>.
    /// </summary>
    public static readonly IReadOnlySet<string> Hosts = new HashSet<string>(StringComparer.Ordinal)
    {
        "api", "api-com", "account", "us", "other",
    };

    /// <summary>
    /// The query vocabulary that pre-fills answers (<c>/troubleshoot/{id}?status=503&amp;endpoint=token</c>):
    /// <c>status</c> (int), <c>endpoint</c> (<see cref="EndpointKinds"/>), <c>grant_type</c>, <c>method</c> (GET/POST…),
    /// <c>params</c> (<see cref="ParamPlaces"/>), <c>host</c> (<see cref="Hosts"/>), <c>action</c> (e.g. getmeas),
    /// <c>age</c> (seconds between the redirect and the code exchange), <c>url</c> (<see cref="UrlVerdicts"/>, what the
    /// callback-URL check found) and <c>registered</c> (<c>yes</c>/<c>no</c>: the URL is one of the registered ones).
    /// </summary>
    public static readonly IReadOnlyList<string> QueryKeys =
        ["status", "endpoint", "grant_type", "method", "params", "host", "action", "age", "url", "registered"];
}
