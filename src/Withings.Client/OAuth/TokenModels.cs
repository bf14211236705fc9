using System.Text.Json.Serialization;

namespace Withings.Client;

/// <summary>Body of <c>v2/oauth2 action=requesttoken</c> (both grants).</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("userid"), JsonConverter(typeof(NumberOrStringConverter))] string UserId,
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("csrf_token")] string? CsrfToken = null)
{
    public IReadOnlyList<string> Scopes => (Scope ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() =>
        $"TokenResponse {{ UserId = {UserId}, AccessToken = <access_token>, RefreshToken = <refresh_token>, ExpiresIn = {ExpiresIn}, Scope = {Scope} }}";
}

/// <summary>Body of <c>v2/signature action=getnonce</c>.</summary>
public sealed record NonceResponse([property: JsonPropertyName("nonce")] string Nonce)
{
    public override string ToString() => "NonceResponse { Nonce = <nonce> }";
}

/// <summary>An empty success body (<c>{}</c>), e.g. notify subscribe.</summary>
public sealed record EmptyBody;

/// <summary>The OAuth 2.0 scopes of the public API.</summary>
public static class WithingsScopes
{
    public const string Info = "user.info";
    public const string Metrics = "user.metrics";
    public const string Activity = "user.activity";
    public const string SleepEvents = "user.sleepevents";

    public static IReadOnlyList<string> All { get; } = [Info, Metrics, Activity, SleepEvents];
}
