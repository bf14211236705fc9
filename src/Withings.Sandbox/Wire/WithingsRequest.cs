using System.Net.Http.Headers;

namespace Withings.Sandbox.Wire;

/// <summary>
/// One call to a wbsapi service, read the way the real API accepts it (see <see cref="SandboxRoutes"/>): parameters from a
/// form-encoded POST body or from the query string, the access token as <c>Authorization: Bearer</c> or as an
/// <c>access_token</c> parameter. The token service reads its credentials from the body only (see <see cref="Body"/>).
/// </summary>
internal sealed class WithingsRequest
{
    private static readonly string[] OAuth1Names =
        ["oauth_signature", "oauth_consumer_key", "oauth_token", "oauth_nonce", "oauth_signature_method", "oauth_timestamp", "oauth_version"];

    public required string Method { get; init; }
    public required IReadOnlyDictionary<string, string> Query { get; init; }
    public required IReadOnlyDictionary<string, string> Body { get; init; }
    public string? AuthorizationHeader { get; init; }

    /// <summary>A parameter from the body, else from the query string.</summary>
    public string? Get(string name) => Body.TryGetValue(name, out var value) ? value : Query.GetValueOrDefault(name);

    public string? Action => Get("action");

    /// <summary>The bearer token if the Authorization header carries one, else the <c>access_token</c> parameter.</summary>
    public string? AccessToken
    {
        get
        {
            if (AuthenticationHeaderValue.TryParse(AuthorizationHeader, out var header) &&
                header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(header.Parameter))
            {
                return header.Parameter.Trim();
            }
            var parameter = Get("access_token");
            return string.IsNullOrWhiteSpace(parameter) ? null : parameter.Trim();
        }
    }

    /// <summary>OAuth 1.0 parameters or an <c>Authorization: OAuth …</c> header: the retired API.</summary>
    public bool UsesOAuth1 =>
        OAuth1Names.Any(name => Get(name) is not null) ||
        (AuthorizationHeader?.TrimStart().StartsWith("OAuth ", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>All parameters, sorted: "the same arguments" for the 10-second duplicate rule.</summary>
    public string Fingerprint(string scope) =>
        scope + "|" + string.Join('&', Query.Concat(Body).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>
    /// The call, or the answer to a form body that cannot be read (malformed multipart, more fields or longer values than
    /// the form reader takes, more bytes than the server takes). Those were unhandled exceptions: the host's HTML error
    /// page with a stack trace in its log, where the real API answers in its envelope.
    /// </summary>
    public static async Task<(WithingsRequest? Request, IResult? Unreadable)> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        var body = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return (null, WithingsReply.BodyTooLarge());
            }
            catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
            {
                return (null, WithingsReply.UnreadableForm());
            }
            foreach (var (key, value) in form)
            {
                body[key] = value.ToString();
            }
        }
        var query = request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        return (new WithingsRequest
        {
            Method = request.Method,
            Query = query,
            Body = body,
            AuthorizationHeader = request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
        }, null);
    }
}
