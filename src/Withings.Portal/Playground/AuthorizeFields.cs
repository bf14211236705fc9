using System.Buffers.Text;
using System.Text.Json;

namespace Withings.Portal.Playground;

/// <summary>
/// The fields of the playground's step 1 that are no secret (client id, callback URL, scopes, mode=demo), kept by "Build"
/// in a cookie sent only to the playground, so that they are filled in again when the visitor comes back from the consent
/// page: with Back, or to paste the code their own callback received within its 30 seconds. Never the secret (typed again
/// with each post) nor a code.
/// </summary>
public sealed record AuthorizeFields(string? ClientId, string? Callback, IReadOnlyList<string>? Scopes, bool Demo)
{
    public const string CookieName = "playground-fields";

    /// <summary>Long enough for a consent and the way back, short enough not to outlive the visit.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public void Remember(HttpContext context) =>
        context.Response.Cookies.Append(CookieName, Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this)), new CookieOptions
        {
            Path = "/playground",
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = Lifetime,
            IsEssential = true,
        });

    /// <summary>The fields the last "Build" in this browser kept, or null (none, expired, or not readable).</summary>
    public static AuthorizeFields? Read(HttpContext? context)
    {
        if (context?.Request.Cookies[CookieName] is not { Length: > 0 and < 4096 } value)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<AuthorizeFields>(Base64Url.DecodeFromChars(value));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
