using System.Security.Cryptography;
using System.Text;

namespace Withings.Sandbox.Wire;

/// <summary>Random values in the Withings formats, and the SHA-256 the sandbox stores instead of them.</summary>
internal static class Secrets
{
    /// <summary>40 lowercase hex characters, like Withings codes, tokens and nonces.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    /// <summary>64 lowercase hex characters, like Withings client ids and secrets.</summary>
    public static string NewClientCredential() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public static bool HashMatches(string storedHash, string? value) =>
        value is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(value)));
}
