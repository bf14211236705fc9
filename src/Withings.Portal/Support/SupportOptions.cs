using Microsoft.Extensions.Options;

namespace Withings.Portal.Support;

/// <summary>
/// Support sign-in (section <c>Support</c>). Off unless <c>Support:Enabled</c> is true; then the first admin comes from
/// <c>Support:Admin:Email</c> and <c>Support:Admin:Password</c> (environment variables or a secret store, never a
/// committed file). Development turns it on with a development-only account (appsettings.Development.json).
/// </summary>
public sealed class SupportOptions
{
    public const string Section = "Support";

    /// <summary>The password appsettings.Development.json ships with; refused in every other environment.</summary>
    public const string DevelopmentPassword = "Development-only-1!";

    public bool Enabled { get; set; }

    public AdminAccount Admin { get; set; } = new();

    /// <summary>Failed sign-ins in a row before an account is locked for <see cref="LockoutMinutes"/>.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    public sealed class AdminAccount
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }
}

/// <summary>Stops start-up, saying what to set, when support is on without a usable first admin.</summary>
internal sealed class SupportOptionsValidator(IHostEnvironment environment) : IValidateOptions<SupportOptions>
{
    public ValidateOptionsResult Validate(string? name, SupportOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Admin.Email) || !options.Admin.Email.Contains('@', StringComparison.Ordinal))
        {
            failures.Add("Support is enabled (Support:Enabled) but Support:Admin:Email is missing or not an e-mail address. " +
                "Set it to the first admin's address, or set Support:Enabled to false.");
        }
        if (PasswordRules.Problem(options.Admin.Password) is { } problem)
        {
            failures.Add($"Support is enabled but Support:Admin:Password is unusable: {problem} " +
                "Set it through an environment variable (Support__Admin__Password) or a secret store.");
        }
        else if (options.Admin.Password == SupportOptions.DevelopmentPassword && !environment.IsDevelopment())
        {
            failures.Add("Support:Admin:Password is the development password from appsettings.Development.json; " +
                $"the {environment.EnvironmentName} environment needs its own.");
        }
        if (options.MaxFailedAttempts is < 1 or > 100)
        {
            failures.Add("Support:MaxFailedAttempts must be between 1 and 100.");
        }
        if (options.LockoutMinutes is < 1 or > 24 * 60)
        {
            failures.Add("Support:LockoutMinutes must be between 1 and 1440.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
