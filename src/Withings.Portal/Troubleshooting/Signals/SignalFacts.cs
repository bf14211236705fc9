namespace Withings.Portal.Troubleshooting.Signals;

/// <summary>
/// Names of the facts the extractor and the request rules can establish about pasted text. Topic files refer to them
/// in <c>signals.facts</c> (which topic a fact points to, and how strongly, lives only there); the catalog rejects
/// names not listed here.
/// </summary>
public static class SignalFacts
{
    public const string EndpointAuthorizeV1 = "endpoint-authorize-v1";
    public const string EndpointLegacyToken = "endpoint-legacy-token";
    public const string EndpointOAuth1 = "endpoint-oauth1";
    public const string HostApiCom = "host-api-com";
    public const string HostAccountForApi = "host-account-for-api";
    public const string HostApiForAuthorize = "host-api-for-authorize";
    public const string HostUsCloud = "host-us-cloud";
    public const string TokenMethodGet = "token-method-get";
    public const string TokenParamsInQuery = "token-params-in-query";
    public const string TokenJsonBody = "token-json-body";
    public const string TokenClientIdMissing = "token-client-id-missing";
    public const string TokenSecretMissing = "token-secret-missing";
    public const string TokenGrantTypeMissing = "token-grant-type-missing";
    public const string TokenGrantTypeInvalid = "token-grant-type-invalid";
    public const string TokenRedirectUriMissing = "token-redirect-uri-missing";
    public const string GrantAuthorizationCode = "grant-authorization-code";
    public const string GrantRefreshToken = "grant-refresh-token";
    public const string ActionMissing = "action-missing";
    public const string ActionUnknown = "action-unknown";
    public const string PathUnknown = "path-unknown";
    public const string DataTokenInQuery = "data-token-in-query";
    public const string DataBearerMissing = "data-bearer-missing";
    public const string DataAuthNotBearer = "data-auth-not-bearer";
    public const string OAuth1Params = "oauth1-params";
    public const string SignatureParams = "signature-params";
    public const string SignatureBadFormat = "signature-bad-format";
    public const string RedirectUriLocal = "redirect-uri-local";
    public const string RedirectUriHttp = "redirect-uri-http";
    public const string RedirectUriPort = "redirect-uri-port";
    public const string CallbackLocal = "callback-local";
    public const string CallbackHttp = "callback-http";
    public const string CallbackPort = "callback-port";
    public const string CodeAgeOver30s = "code-age-over-30s";
    public const string CodeAgeWithin30s = "code-age-within-30s";
    public const string EmptyResult = "empty-result";
    public const string LastUpdateWithDateRange = "lastupdate-with-date-range";
    public const string StatusInvalidParamsFamily = "status-invalid-params-family";
    public const string SuccessStatus = "success-status";
    public const string HtmlResponse = "html-response";
    public const string ScopeMissing = "scope-missing";
    public const string EndpointNotify = "endpoint-notify";
    public const string EndpointData = "endpoint-data";
    public const string EndpointToken = "endpoint-token";
    public const string EndpointAuthorize = "endpoint-authorize";
    public const string EndpointSignature = "endpoint-signature";
    public const string EndpointRegistration = "endpoint-registration";

    public static readonly IReadOnlySet<string> All = typeof(SignalFacts)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);
}
