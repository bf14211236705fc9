using Withings.Client;
using Withings.Portal.WithingsApi;

namespace Withings.Portal.Playground;

/// <summary>
/// One call the playground made, as the page shows it: the redacted exchange (URLs on the portal's public address), the
/// typed body or error, and the same call written with the portal's client. <paramref name="Endpoint"/> is the
/// troubleshooter's endpoint kind (<c>token</c>, <c>data</c>, <c>notify</c>), for the topic link of a failure.
/// </summary>
public sealed record PlaygroundExchange(string Title, HttpExchange Exchange, WithingsError? Error, object? Body, string CSharp, string Endpoint,
    string? GrantType = null, string? Action = null)
{
    /// <summary>Seconds between the redirect that carried the code and its exchange, for a code exchange.</summary>
    public int? CodeAgeSeconds { get; init; }

    public bool IsSuccess => Error is null;

    /// <summary>
    /// Whether Withings refused the authorization code itself ("invalid code": unknown, expired or already used), as
    /// opposed to the app (client id, secret, redirect_uri) or a limit, after which the code may still work.
    /// </summary>
    public bool RefusedTheCode =>
        GrantType == "authorization_code" && Error?.ErrorText?.Contains("invalid code", StringComparison.OrdinalIgnoreCase) == true;

    public static PlaygroundExchange From<T>(string title, WithingsResult<T> result, string origin, string csharp, string endpoint,
        string? grantType = null, string? action = null) =>
        new(title, result.Exchange with { Url = OwnServerLoopback.AsSeenFrom(result.Exchange.Url, origin) },
            result.Error, result.Body, csharp, endpoint, grantType, action);
}
