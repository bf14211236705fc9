namespace Withings.Portal.Troubleshooting.Signals;

/// <summary>
/// Where a call happens, in the words topic files, the request reader, the diagnosis and step links (<c>?endpoint=</c>)
/// share. These names are part of support links, so they never change.
/// </summary>
public static class EndpointKinds
{
    /// <summary><c>account.withings.com/oauth2_user/authorize2</c>, the consent page.</summary>
    public const string Authorize = "authorize";

    /// <summary><c>oauth2_user/authorize</c> (without the 2), which is not the consent page.</summary>
    public const string AuthorizeV1 = "authorize-v1";

    /// <summary><c>POST wbsapi.withings.net/v2/oauth2</c>: code exchange and refresh.</summary>
    public const string Token = "token";

    /// <summary>The retired <c>account.withings.com/oauth2/token</c>.</summary>
    public const string LegacyToken = "legacy-token";

    /// <summary><c>/v2/signature</c> (getnonce).</summary>
    public const string Signature = "signature";

    /// <summary>The data services: measure, sleep, user, heart.</summary>
    public const string Data = "data";

    /// <summary><c>/notify</c>: notification subscriptions.</summary>
    public const string Notify = "notify";

    /// <summary>The developer dashboard, where partner apps and their callback URLs are registered.</summary>
    public const string Registration = "registration";

    /// <summary>The shut-down OAuth 1.0 endpoints.</summary>
    public const string OAuth1 = "oauth1";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Authorize, AuthorizeV1, Token, LegacyToken, Signature, Data, Notify, Registration, OAuth1,
    };

    /// <summary>How evidence sentences name the place ("status 503 at the token endpoint").</summary>
    public static string Describe(string kind) => kind switch
    {
        Token => "the token endpoint",
        Authorize => "the authorize2 consent page",
        AuthorizeV1 => "`oauth2_user/authorize`",
        LegacyToken => "the retired `oauth2/token` endpoint",
        Signature => "the signature endpoint",
        Data => "a data call",
        Notify => "the notify service",
        Registration => "app registration",
        OAuth1 => "an OAuth 1.0 endpoint",
        _ => kind,
    };
}
