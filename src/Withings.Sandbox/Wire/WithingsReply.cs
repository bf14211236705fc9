using System.Text;
using System.Text.Json;

namespace Withings.Sandbox.Wire;

/// <summary>
/// Every answer body the sandbox sends on the wire, in one place. The Withings envelope is always HTTP 200 with the
/// outcome in <c>status</c> and errors with an <c>error</c> string (https://developer.withings.com/api-reference,
/// "Response status"). Each error says where its text comes from: <b>captured</b> bodies are byte for byte what
/// integrators saw (the captured file under <c>tests/Withings.Sandbox.Tests/Fixtures/</c> or the public issue is named,
/// and <c>FixtureShapeTests</c> and the endpoint tests compare against them); <b>simulated</b> ones are the sandbox's
/// own wording where no capture is public, and say so. Official family names come from the status code list copied in
/// <c>src/Withings.Client/StatusCodes/status-codes.json</c>.
/// </summary>
internal static class WithingsReply
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null };

    public static IResult Ok(object body) => Raw(new { status = 0, body });

    // ---- Any service ----

    /// <summary>
    /// Captured: unknown action or service, status 2554 "Not implemented" (its official family name), as reported in
    /// https://github.com/vangorra/python_withings_api/issues/93.
    /// </summary>
    public static IResult NotImplemented() => Error(2554, "Not implemented");

    /// <summary>
    /// OAuth 1.0 parameters: status 342 with the text of the shut-down OAuth 1.0 API (pinned by
    /// <c>DataCallRulesTests.OAuth1SignedDataCallGives342</c> and <c>TokenEndpointsTests.OAuth1ParametersGive342</c>).
    /// </summary>
    public static IResult OAuth1Refused() => Error(342, "The signature (using Oauth) is invalid");

    /// <summary>Simulated wording: "Too many request" is the official family name of 601; the 120-per-minute limit is documented.</summary>
    public static IResult TooManyRequests() => Error(601, "Too many request");

    /// <summary>
    /// Captured text (<c>Fixtures/reconstructed-MMM-withings-issue15__601_same_arguments.json</c>, where
    /// <c>wait_seconds</c> was seen once); here <c>wait_seconds</c> is the seconds left in the 10-second window.
    /// </summary>
    public static IResult SameArguments(int waitSeconds) =>
        Raw(new { status = 601, body = new { wait_seconds = waitSeconds }, error = "Same arguments in less than 10 seconds" });

    /// <summary>
    /// Simulated, not captured: a form body that cannot be read (malformed multipart, more than 1024 fields, a value over
    /// 4 MB), in the "Invalid Params: …" style of the captured errors.
    /// </summary>
    public static IResult UnreadableForm() =>
        Error(503, "Invalid Params: the body could not be read as a form (it is malformed, or has too many fields or too long a value)");

    /// <summary>
    /// Simulated: a body over the server's limit gets HTTP 413 with a plain-text reason, as a web server in front of an API
    /// refuses it before the API sees it (like the <c>status=5xx</c> fault's load-balancer answers).
    /// </summary>
    public static IResult BodyTooLarge() => Results.Text("Request Entity Too Large", "text/plain", statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>Simulated: status 522 with its official family name, for fault injection.</summary>
    public static IResult Timeout() => Error(522, "Timeout");

    /// <summary>Simulated: status 2555 (an official code) with a generic text, for fault injection.</summary>
    public static IResult UnknownError() => Error(2555, "An unknown error occurred");

    // ---- Token and signature services (v2/oauth2, v2/signature) ----

    /// <summary>
    /// Captured (<c>Fixtures/observed-multi__token_invalid_code_503.json</c>, and withings4j's
    /// <c>Fixtures/withings4j__OAuth_OAuth20-GetyouraccesstokenException.json</c>): unknown, expired or used code.
    /// </summary>
    public static IResult InvalidCode() => Error(503, "Invalid Params: invalid code");

    /// <summary>Captured (<c>Fixtures/withings4j__OAuth_OAuth20-RefreshyouraccesstokenException.json</c>): unknown, rotated-out or revoked refresh token.</summary>
    public static IResult InvalidRefreshToken() => Error(503, "Invalid Params: invalid refresh_token");

    /// <summary>Captured (<c>Fixtures/observed-code-comment__token_invalid_client_secret_503.json</c>): this body has no <c>body</c> field.</summary>
    public static IResult InvalidClient() => Raw(new { status = 503, error = "Invalid Params: invalid client id/secret" });

    /// <summary>
    /// Simulated, not captured: the v2 body is inferred from the Withings FAQ heading "Invalid_params: invalid grant_type"
    /// (https://developer.withings.com/developer-guide/faq/faq/).
    /// </summary>
    public static IResult InvalidGrantType() => Error(503, "Invalid Params: invalid grant_type");

    /// <summary>
    /// Simulated, not captured: the text of the Withings FAQ heading "Invalid_request: The client ID was not specified in the
    /// request" (https://developer.withings.com/developer-guide/faq/faq/).
    /// </summary>
    public static IResult ClientIdMissing() => Error(503, "invalid_request: The client ID was not specified in the request");

    /// <summary>Simulated, not captured: what v2/oauth2 answers for a redirect_uri that differs from authorize2's is not public.</summary>
    public static IResult TokenRedirectUriMismatch() =>
        Error(503, "Invalid Params: redirect_uri_mismatch: The redirect URI provided is missing or does not match the one sent to authorize2");

    /// <summary>Simulated, not captured: no public capture has the signature service's errors.</summary>
    public static IResult InvalidSignature() => Error(503, "Invalid Params: invalid signature");

    /// <summary>Simulated, not captured (see <see cref="InvalidSignature"/>).</summary>
    public static IResult InvalidNonce() => Error(503, "Invalid Params: invalid nonce");

    /// <summary>Simulated, not captured (see <see cref="InvalidSignature"/>).</summary>
    public static IResult InvalidTimestamp() => Error(503, "Invalid Params: invalid timestamp");

    // ---- Data services ----

    /// <summary>Captured (<c>Fixtures/observed-multi__data_invalid_access_token_401.json</c>): expired, unknown or revoked access token.</summary>
    public static IResult InvalidToken() => Error(401, "XRequestID: Not provided invalid_token: The access token provided is invalid");

    /// <summary>
    /// Captured (quoted in a client library's source; pinned by <c>DataCallRulesTests</c>): no access token at all. This
    /// one has no <c>body</c> and puts <c>error</c> first.
    /// </summary>
    public static IResult MissingToken() => Raw(new { error = "Invalid Params: Missing [access_token]", status = 503 });

    /// <summary>Simulated, not captured: the wording of the OAuth server's insufficient_scope error, in the style of <see cref="InvalidToken"/>.</summary>
    public static IResult MissingScope(string scope) =>
        Error(401, $"XRequestID: Not provided insufficient_scope: The request requires higher privileges than provided by the access token (scope {scope} was not granted)");

    /// <summary>
    /// Simulated, not captured: the text is the Withings FAQ question "Why do I get this error? User is temporarily
    /// deactivated" (https://developer.withings.com/developer-guide/faq/faq/); the status is the sandbox's choice.
    /// </summary>
    public static IResult UserDeactivated() => Error(503, "User is temporarily deactivated");

    /// <summary>Simulated wording for a data-call parameter problem, in the "Invalid Params: …" style of the captured errors.</summary>
    public static IResult InvalidParams(string detail) => Error(503, $"Invalid Params: {detail}");

    /// <summary>
    /// Status 293 captured on notify subscribe when Withings cannot use or reach the callback
    /// (e.g. https://github.com/home-assistant/core/issues/72614); the wording is simulated.
    /// </summary>
    public static IResult CallbackUnusable(string problem) => Error(293, $"Invalid Params: the callback URL cannot be used: {problem}");

    // ---- account.withings.com ----

    /// <summary>
    /// Captured (<c>Fixtures/observed-issues__authorize_redirect_uri_mismatch.json</c>, e.g.
    /// https://github.com/home-assistant/core/issues/93682): shown after "Allow this app" when the redirect_uri is not
    /// registered. The HTTP status is not known; 400 is the sandbox's choice.
    /// </summary>
    public static IResult ConsentRedirectUriMismatch() => Raw(
        new { errors = new[] { new { message = "redirect_uri_mismatch: The redirect URI provided is missing or does not match partner callback url" } } },
        StatusCodes.Status400BadRequest);

    /// <summary>
    /// Captured: the token endpoint retired on 2022-02-08 answers 404 "Not Found"
    /// (https://support.withings.com/hc/en-us/articles/360016745358--BREAKING-Shutting-down-access-and-refresh-tokens-endpoints,
    /// https://github.com/jaroslawhartman/withings-sync/issues/50). Simulated for every other unknown account page.
    /// </summary>
    public static IResult NotFound() => Results.Text("Not Found", "text/plain", statusCode: StatusCodes.Status404NotFound);

    private static IResult Error(int status, string error) => Raw(new { status, body = new { }, error });

    private static IResult Raw(object payload, int httpStatus = StatusCodes.Status200OK) =>
        Results.Text(JsonSerializer.Serialize(payload, Json), "application/json", Encoding.UTF8, httpStatus);
}
