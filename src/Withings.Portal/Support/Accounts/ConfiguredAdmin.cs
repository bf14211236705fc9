using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Withings.Portal.Support.Accounts;

/// <summary>
/// Makes sure the admin named in configuration exists at start-up (once the database is migrated): created on first
/// run; afterwards kept an enabled, unlocked admin with the configured password, so that rotating the secret, or recovering a
/// locked-out admin, is a configuration change and a restart. Several instances may start at once; the loser of the race reads the winner's account.
/// </summary>
internal sealed partial class ConfiguredAdmin(IServiceScopeFactory scopes, IOptions<SupportOptions> options, TimeProvider time, ILogger<ConfiguredAdmin> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value.Admin;
        for (var attempt = 0; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SupportUser>>();
            try
            {
                await SaveAsync(users, admin.Email!.Trim(), admin.Password!);
                return;
            }
            catch (Exception ex) when (attempt < 2 && ex is Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                LogRetry(ex);
            }
        }
    }

    private async Task SaveAsync(UserManager<SupportUser> users, string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new SupportUser { UserName = email, Email = email, EmailConfirmed = true, IsAdmin = true, LockoutEnabled = true, CreatedAt = time.GetUtcNow() };
            Check(await users.CreateAsync(user, password));
            LogCreated(email);
            return;
        }

        // Unlocked too, whether or not the password changed: a restart is how the README says to recover the only admin
        // locked out by failed sign-ins (a restart that left the lockout in place refused the right password until it ended).
        var wasLocked = user.LockoutEnd > time.GetUtcNow() || user.AccessFailedCount > 0;
        var changed = !user.IsAdmin || user.DisabledAt is not null || user.LockoutEnd is not null || user.AccessFailedCount > 0;
        user.IsAdmin = true;
        user.DisabledAt = null;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        if (changed)
        {
            Check(await users.UpdateAsync(user));
        }
        if (wasLocked)
        {
            LogUnlocked(email);
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, password));
            LogPasswordReset(email);
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "The support admin from configuration (Support:Admin) could not be saved: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the support admin account {Email} from configuration")]
    private partial void LogCreated(string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "The support admin {Email} now signs in with the password from configuration")]
    private partial void LogPasswordReset(string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "The support admin {Email} was locked out or had failed sign-ins; unlocked at start-up")]
    private partial void LogUnlocked(string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another instance saved the support admin at the same moment; reading it again")]
    private partial void LogRetry(Exception exception);
}
