using System.Security.Cryptography;

namespace Withings.Portal.Troubleshooting.Cases;

/// <summary>
/// Case link ids: 26 characters drawn uniformly by the OS generator from 32 lowercase letters and digits, so 130
/// random bits. Lowercase only, because SQL Server compares strings case-insensitively by default and mixed case
/// would then be worth less than it looks; no <c>l</c>, <c>o</c>, <c>0</c> or <c>1</c>, so a link read aloud survives.
/// </summary>
public static class CaseIds
{
    public const int Length = 26;

    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    /// <summary>Shape check before any database lookup: anything else in <c>/cases/{id}</c> is simply unknown.</summary>
    public static bool IsWellFormed(string? id) => id is { Length: Length } && id.All(Alphabet.Contains);
}
