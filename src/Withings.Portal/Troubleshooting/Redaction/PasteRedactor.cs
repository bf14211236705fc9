using System.Text.RegularExpressions;

namespace Withings.Portal.Troubleshooting.Redaction;

/// <summary>
/// Replaces the secrets in a pasted text by labelled placeholders (<c>&lt;access_token&gt;</c>, <c>&lt;client_secret&gt;</c>…)
/// so it can be stored and shown to support staff: <c>Authorization</c> headers and <c>Bearer</c>/<c>Basic</c>
/// credentials, secret parameters and fields (<c>code=</c>, <c>"access_token": "…"</c>, <c>'client_secret': '…'</c>,
/// <c>AccessToken = …</c>) in URLs, form bodies, JSON, Python reprs, JS prints and log lines, user:password pairs,
/// cookies, JWTs and bare 40-hex Withings tokens. Identifiers support needs (client_id, userid, deviceid, status,
/// error texts) stay. Plain C#, no state; every rule is a non-backtracking regex, so a 1 MiB paste is read in
/// linear time whatever it holds.
/// </summary>
public static class PasteRedactor
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>The characters of a credential after a scheme (RFC 6750 b64token, plus what Basic carries).</summary>
    private const string CredentialChars = @"[A-Za-z0-9\-._~+/]+=*";

    // Authorization: Bearer <access_token> / Basic <credentials>, also inside Python dicts and JS objects.
    private static readonly Regex SchemeCredential = new(@"\b(?<scheme>Bearer|Basic)(?<gap>\s+)(?<value>" + CredentialChars + ")", Options);

    // Authorization: <token> with no scheme (some clients send the bare token).
    private static readonly Regex BareAuthorization = new(
        @"\b(?<name>(?:Proxy-)?Authorization)(?<sep>\\?[""']?[ \t]*[:=][ \t]*\\?[""']?)(?<value>[A-Za-z0-9\-._~+/=]{16,})", Options);

    private static readonly Regex CookieHeader = new(@"\b(?<name>Set-Cookie|Cookie)(?<sep>:[ \t]*)(?<value>[^\r\n]+)", Options);

    // curl -u client_id:secret, --user=name:password
    private static readonly Regex CurlUser = new(@"(?<flag>(?:^|\s)(?:-u|--user)(?:\s+|=)[""']?)(?<user>[^\s:""']+):(?<value>[^\s""']+)", Options);

    // https://name:password@host
    private static readonly Regex UrlUserInfo = new(@"(?<prefix>\b[a-z][a-z0-9+.\-]*://[^\s:/@""']+:)(?<value>[^\s@/?#""']+)(?<at>@)", Options);

    // name = value, name: value, "name": "value", 'name': 'value', \"name\":\"value\", name => value; the name may
    // carry a prefix, as environment variables and settings do (WITHINGS_CLIENT_SECRET=, withings_refresh_token:).
    private static readonly Regex KeyValue = new(
        @"\b(?<name>(?:[A-Za-z0-9]+[_-])*(?:" + SecretKeys.Pattern + @"))(?<sep>\\?[""']?[ \t]*(?:=>|=|:)[ \t]*)" +
        @"(?<value>\\""[^""\\\r\n]*\\""|""(?:[^""\\\r\n]|\\.)*""|'(?:[^'\\\r\n]|\\.)*'|[^\s&""',;)}\]<>=][^\s&""',;)}\]<>]*)", Options);

    private static readonly Regex Jwt = new(@"\beyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]*", Options);

    // Withings access and refresh tokens, codes and nonces are 40 lowercase hex characters.
    private static readonly Regex WithingsHex = new(
        @"(?:\b(?<name>[a-z_]+)\\?[""']?[ \t]*[:=][ \t]*\\?[""']?)?\b(?<value>[0-9a-f]{40})\b", Options);

    /// <summary>Every placeholder the redactor writes.</summary>
    public static IReadOnlySet<string> Labels { get; } =
        SecretKeys.Labels.Concat(["<access_token>", "<credentials>", "<authorization>", "<cookie>", "<password>", "<jwt>", "<token>"])
            .ToHashSet(StringComparer.Ordinal);

    public static RedactedText Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var replaced = new Dictionary<string, int>(StringComparer.Ordinal);

        text = SchemeCredential.Replace(text, m => LooksLikeCredential(m.Groups["value"].Value)
            ? m.Groups["scheme"].Value + m.Groups["gap"].Value +
              Count(replaced, m.Groups["scheme"].Value.Equals("Bearer", StringComparison.OrdinalIgnoreCase) ? "<access_token>" : "<credentials>")
            : m.Value);
        text = BareAuthorization.Replace(text, m => m.Groups["name"].Value + m.Groups["sep"].Value + Count(replaced, "<authorization>"));
        text = CookieHeader.Replace(text, m => m.Groups["name"].Value + m.Groups["sep"].Value + Count(replaced, "<cookie>"));
        text = CurlUser.Replace(text, m => m.Groups["flag"].Value + m.Groups["user"].Value + ":" + Count(replaced, "<password>"));
        text = UrlUserInfo.Replace(text, m => m.Groups["prefix"].Value + Count(replaced, "<password>") + m.Groups["at"].Value);
        text = KeyValue.Replace(text, m => RedactKeyValue(m, replaced));
        text = Jwt.Replace(text, _ => Count(replaced, "<jwt>"));
        text = WithingsHex.Replace(text, m => m.Groups["name"].Success && SecretKeys.IsPublicHexName(m.Groups["name"].Value)
            ? m.Value
            : m.Value[..^m.Groups["value"].Length] + Count(replaced, "<token>"));
        return new RedactedText(text, replaced);
    }

    private static string RedactKeyValue(Match match, Dictionary<string, int> replaced)
    {
        var name = match.Groups["name"].Value;
        if (SecretKeys.SecretNameEnding(name) is not { } secretName)
        {
            return match.Value;
        }
        var raw = match.Groups["value"].Value;
        var quote = raw.StartsWith("\\\"", StringComparison.Ordinal) ? "\\\"" : raw[0] is '"' or '\'' ? raw[..1] : "";
        var value = quote.Length > 0 && raw.Length >= 2 * quote.Length ? raw[quote.Length..^quote.Length] : raw;
        var proseShaped = quote.Length == 0 && match.Groups["sep"].Value.TrimEnd().EndsWith(':');
        if (!SecretKeys.IsSecretValue(secretName, value, proseShaped))
        {
            return match.Value;
        }
        return name + match.Groups["sep"].Value + quote + Count(replaced, SecretKeys.LabelFor(secretName)) + quote;
    }

    /// <summary>"Bearer token" and "Basic auth" are prose; a credential is long or mixes in digits.</summary>
    private static bool LooksLikeCredential(string value) =>
        value.Length >= 16 || (value.Length >= 8 && value.Any(char.IsAsciiDigit));

    private static string Count(Dictionary<string, int> replaced, string label)
    {
        replaced[label] = replaced.GetValueOrDefault(label) + 1;
        return label;
    }
}

/// <summary>The text with its secrets replaced, and how many of each placeholder were put in.</summary>
public sealed record RedactedText(string Text, IReadOnlyDictionary<string, int> Replaced)
{
    public int Count => Replaced.Values.Sum();

    /// <summary>Placeholders the text holds, whether put in now or already there (a text redacted before).</summary>
    public IReadOnlyList<string> Placeholders =>
        PasteRedactor.Labels.Where(label => Text.Contains(label, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
}
