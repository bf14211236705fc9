namespace Withings.Portal.Troubleshooting.Redaction;

/// <summary>
/// Which parameter, field and property names hold a secret, and the placeholder each becomes. Names are compared
/// without case, underscores or dashes, so <c>access_token</c>, <c>accessToken</c>, <c>AccessToken</c> and
/// <c>access-token</c> are one name.
/// </summary>
internal static class SecretKeys
{
    /// <summary>The names as a regex alternation (longest first, so <c>oauth_token_secret</c> is not read as <c>oauth_token</c>).</summary>
    public const string Pattern =
        @"oauth[_-]?consumer[_-]?secret|oauth[_-]?token[_-]?secret|oauth[_-]?signature|oauth[_-]?token|oauth[_-]?nonce|" +
        @"access[_-]?token|refresh[_-]?token|client[_-]?secret|consumer[_-]?secret|id[_-]?token|" +
        @"auth(?:orization)?[_-]?code|api[_-]?key|password|passwd|pwd|signature|secret|nonce|token|code";

    private static readonly Dictionary<string, string> LabelByName = new(StringComparer.Ordinal)
    {
        ["accesstoken"] = "<access_token>",
        ["refreshtoken"] = "<refresh_token>",
        ["clientsecret"] = "<client_secret>",
        ["consumersecret"] = "<client_secret>",
        ["oauthconsumersecret"] = "<client_secret>",
        ["oauthtokensecret"] = "<oauth_token_secret>",
        ["oauthtoken"] = "<oauth_token>",
        ["oauthsignature"] = "<oauth_signature>",
        ["oauthnonce"] = "<nonce>",
        ["idtoken"] = "<id_token>",
        ["authcode"] = "<code>",
        ["authorizationcode"] = "<code>",
        ["code"] = "<code>",
        ["apikey"] = "<api_key>",
        ["password"] = "<password>",
        ["passwd"] = "<password>",
        ["pwd"] = "<password>",
        ["signature"] = "<signature>",
        ["secret"] = "<secret>",
        ["nonce"] = "<nonce>",
        ["token"] = "<token>",
    };

    /// <summary>Names whose 40-hex values are identifiers support needs, not credentials (device ids share the token shape).</summary>
    private static readonly HashSet<string> PublicHexNames = new(StringComparer.Ordinal)
    {
        "deviceid", "hashdeviceid", "clientid", "userid", "modelid", "id",
    };

    /// <summary>Values that hide nothing: empty markers, placeholders, and references to where a secret is kept.</summary>
    private static readonly string[] HarmlessValues = ["null", "none", "nil", "undefined", "true", "false", "...", "…", "***", "xxx"];

    private static readonly string[] ReferencePrefixes =
        ["$", "%", "<", "{", "[", "process.env", "os.environ", "os.getenv", "environment.", "config", "settings.", "self.", "this."];

    public static string LabelFor(string name) => LabelByName[Normalize(name)];

    /// <summary>
    /// The secret name a (possibly prefixed) identifier ends with, the longest that fits: <c>WITHINGS_CLIENT_SECRET</c>
    /// is a <c>client_secret</c>, <c>DB_PASSWORD</c> a <c>password</c>. Null when a prefix turns it into something else:
    /// a prefixed <c>code</c> (<c>status_code</c>, <c>error_code</c>, <c>country_code</c>) is a code of another kind,
    /// unless it names an authorization code (<c>WITHINGS_AUTH_CODE</c>).
    /// </summary>
    public static string? SecretNameEnding(string identifier)
    {
        var normalized = Normalize(identifier);
        var name = LabelByName.Keys.Where(normalized.EndsWith).MaxBy(key => key.Length);
        return name is null || (name == "code" && normalized.Length > name.Length) ? null : name;
    }

    public static IEnumerable<string> Labels => LabelByName.Values.Distinct();

    public static bool IsPublicHexName(string name) => PublicHexNames.Contains(Normalize(name));

    /// <summary>
    /// True when the value is worth hiding. A bare value after <c>:</c> is also the shape of prose ("the code: it
    /// expired"), so there a short plain word is kept; after <c>=</c> or in quotes every real value goes.
    /// </summary>
    public static bool IsSecretValue(string name, string value, bool proseShaped)
    {
        if (value.Length == 0 || HarmlessValues.Contains(value, StringComparer.OrdinalIgnoreCase) ||
            ReferencePrefixes.Any(p => value.StartsWith(p, StringComparison.OrdinalIgnoreCase)) ||
            value.All(c => c is '*' or 'x' or 'X' or '.' or '…' or '-'))
        {
            return false;
        }
        // "code" is also a status or error code ("code": 503, code: 'ECONNRESET', code=ERR_BAD_REQUEST); an
        // authorization code is a long mix of letters and digits (Withings: 40 hex).
        if (Normalize(name) == "code")
        {
            return value.Length >= 8 && value.Any(char.IsAsciiDigit) && value.Any(char.IsAsciiLetterLower);
        }
        return !(proseShaped && value.Length < 12 && value.All(char.IsAsciiLetter));
    }

    private static string Normalize(string name) =>
        string.Concat(name.Where(c => c is not ('_' or '-'))).ToLowerInvariant();
}
