using System.Security.Cryptography;

namespace Withings.Portal.Support.Links;

/// <summary>
/// Short-link codes: 26 characters drawn uniformly by the OS generator from 32 lowercase letters and digits, 130 random
/// bits, so a code cannot be guessed or enumerated. Lowercase only, because SQL Server compares strings
/// case-insensitively by default; no <c>l</c>, <c>o</c>, <c>0</c> or <c>1</c>, so a link read over the phone survives.
/// </summary>
public static class LinkCodes
{
    public const int Length = 26;

    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    public static bool IsWellFormed(string? code) => code is { Length: Length } && code.All(Alphabet.Contains);
}
