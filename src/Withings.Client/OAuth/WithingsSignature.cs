using System.Security.Cryptography;
using System.Text;

namespace Withings.Client;

/// <summary>
/// Request signatures (https://developer.withings.com/developer-guide/v3/integration-guide/bulkship-sdk/get-access/sign-your-requests/,
/// pinned by <c>WithingsSignatureTests</c>): the values of the signed parameters in key-sorted order, joined with
/// commas, HMAC-SHA256 with the client secret as key, lowercase hex.
/// </summary>
public static class WithingsSignature
{
    public static string Compute(string clientSecret, string message)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(message));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Signs parameters: sorts them by key (ordinal), joins their values with commas.</summary>
    public static string ForParameters(string clientSecret, IEnumerable<KeyValuePair<string, string>> signedParameters) =>
        Compute(clientSecret, MessageFor(signedParameters));

    public static string MessageFor(IEnumerable<KeyValuePair<string, string>> signedParameters) =>
        string.Join(',', signedParameters.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value));

    /// <summary><c>getnonce</c> signs action, client_id and timestamp.</summary>
    public static string ForNonce(string clientSecret, string clientId, long timestamp) =>
        ForParameters(clientSecret, [new("action", "getnonce"), new("client_id", clientId), new("timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    /// <summary>Every other signed call signs action, client_id and nonce.</summary>
    public static string ForAction(string clientSecret, string action, string clientId, string nonce) =>
        ForParameters(clientSecret, [new("action", action), new("client_id", clientId), new("nonce", nonce)]);

    /// <summary>Constant-time comparison of two hex signatures.</summary>
    public static bool Matches(string expected, string? actual) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual.ToLowerInvariant()));
}
