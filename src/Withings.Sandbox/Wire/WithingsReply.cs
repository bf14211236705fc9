using System.Text;
using System.Text.Json;

namespace Withings.Sandbox.Wire;

/// <summary>
/// The Withings envelope: always HTTP 200, the outcome in <c>status</c>, errors with an <c>error</c> string. Bodies marked
/// "captured" are byte-for-byte what integrators saw (API-FACTS §1.5); the others are simulated and say so.
/// </summary>
internal static class WithingsReply
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null };

    public static IResult Ok(object body) => Raw(new { status = 0, body });

    public static IResult Error(int status, string error) => Raw(new { status, body = new { }, error });

    public static IResult Raw(object payload, int httpStatus = StatusCodes.Status200OK) =>
        Results.Text(JsonSerializer.Serialize(payload, Json), "application/json", Encoding.UTF8, httpStatus);

    /// <summary>Captured (vangorra/python_withings_api #93): unknown action or service.</summary>
    public static IResult NotImplemented() => Error(2554, "Not implemented");

    /// <summary>Captured [C:5]: expired, unknown or revoked access token.</summary>
    public static IResult InvalidToken() => Error(401, "XRequestID: Not provided invalid_token: The access token provided is invalid");

    /// <summary>Captured [S]: no access token at all; this one has no body and puts error first.</summary>
    public static IResult MissingToken() => Raw(new { error = "Invalid Params: Missing [access_token]", status = 503 });

    /// <summary>Status 342 with the text of the shut-down OAuth 1.0 API.</summary>
    public static IResult OAuth1Refused() => Error(342, "The signature (using Oauth) is invalid");

    /// <summary>Simulated, not captured: the wording of the OAuth server's insufficient_scope error, in the invalid_token style.</summary>
    public static IResult MissingScope(string scope) =>
        Error(401, $"XRequestID: Not provided insufficient_scope: The request requires higher privileges than provided by the access token (scope {scope} was not granted)");

    /// <summary>Simulated, not captured: the text comes from the seed FAQ; the status is our choice.</summary>
    public static IResult UserDeactivated() => Error(503, "User is temporarily deactivated");

    /// <summary>Simulated wording: "Too many request" is the official family name of 601.</summary>
    public static IResult TooManyRequests() => Error(601, "Too many request");

    /// <summary>Captured text; <c>wait_seconds</c> seen once (MMM-withings #15), here the seconds left in the 10-second window.</summary>
    public static IResult SameArguments(int waitSeconds) =>
        Raw(new { status = 601, body = new { wait_seconds = waitSeconds }, error = "Same arguments in less than 10 seconds" });

    /// <summary>Simulated wording for a data-call parameter problem, in the "Invalid Params: …" style of the captured errors.</summary>
    public static IResult InvalidParams(string detail) => Error(503, $"Invalid Params: {detail}");
}
