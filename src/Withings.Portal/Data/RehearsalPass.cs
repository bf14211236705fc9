using System.Net;
using System.Security.Cryptography;

namespace Withings.Portal.Data;

/// <summary>
/// What lets the portal's own rehearsal requests (<see cref="Content.StartupRehearsal"/>) through the database gate: a random
/// value made for this process, accepted only over loopback.
/// </summary>
public sealed class RehearsalPass
{
    public const string Header = "X-Portal-Rehearsal";

    private readonly byte[] secret = RandomNumberGenerator.GetBytes(16);

    /// <summary>Whether <paramref name="context"/> is one of this process's own rehearsal requests.</summary>
    public bool Carries(HttpContext context) =>
        context.Request.Headers[Header] is [{ } value] &&
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address) &&
        value.Length == secret.Length * 2 && IsHex(value) &&
        CryptographicOperations.FixedTimeEquals(Convert.FromHexString(value), secret);

    internal void AddTo(HttpRequestMessage request) => request.Headers.Add(Header, Convert.ToHexString(secret));

    private static bool IsHex(string value) => value.All(char.IsAsciiHexDigit);
}
