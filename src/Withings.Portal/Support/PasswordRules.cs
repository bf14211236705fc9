using Microsoft.AspNetCore.Identity;

namespace Withings.Portal.Support;

/// <summary>The password policy of support accounts: Identity enforces it on every account; start-up checks the configured admin's with it.</summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;

    public static void Apply(PasswordOptions options)
    {
        options.RequiredLength = MinimumLength;
        options.RequireDigit = true;
        options.RequireLowercase = true;
        options.RequireUppercase = true;
        options.RequireNonAlphanumeric = true;
        options.RequiredUniqueChars = 4;
    }

    /// <summary>Why the password does not meet the policy, or null.</summary>
    public static string? Problem(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "it is missing.";
        }
        if (password.Length < MinimumLength)
        {
            return $"it must be at least {MinimumLength} characters long.";
        }
        if (!password.Any(char.IsDigit) || !password.Any(char.IsLower) || !password.Any(char.IsUpper) || password.All(char.IsLetterOrDigit))
        {
            return "it must mix upper- and lowercase letters, digits and at least one other character.";
        }
        return password.Distinct().Count() < 4 ? "it must use at least 4 different characters." : null;
    }
}
