using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Withings.Portal.Data;

namespace Withings.Portal.Support.Accounts;

/// <summary>Support accounts as admins manage them: add, disable, enable, unlock, list a page at a time.</summary>
public sealed class SupportAccounts(UserManager<SupportUser> users, IDbContextFactory<PortalDbContext> factory, TimeProvider time)
{
    public const int PageSize = 25;

    /// <summary>Adds an account; the errors are Identity's (a taken address, a weak password), as sentences.</summary>
    public async Task<IReadOnlyList<string>> AddAsync(string email, string password, bool isAdmin)
    {
        var user = new SupportUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            IsAdmin = isAdmin,
            CreatedAt = time.GetUtcNow(),
            LockoutEnabled = true,
        };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded ? [] : [.. Sentences(result.Errors, user.Email)];
    }

    /// <summary>
    /// Identity's errors as the form's reader needs them. The user name is the e-mail address, so Identity reports a
    /// taken or unusable address twice, once about a "Username" the form never asks for; those become one sentence.
    /// </summary>
    private static IEnumerable<string> Sentences(IEnumerable<IdentityError> errors, string email)
    {
        var list = errors.ToList();
        if (list.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail)))
        {
            yield return $"An account for {email} already exists (addresses are compared without regard to case).";
        }
        else if (list.Any(e => e.Code is nameof(IdentityErrorDescriber.InvalidUserName) or nameof(IdentityErrorDescriber.InvalidEmail)))
        {
            yield return $"{email} cannot be used as an account's address: check it for typing mistakes.";
        }
        foreach (var error in list.Where(e => e.Code is not (nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail)
            or nameof(IdentityErrorDescriber.InvalidUserName) or nameof(IdentityErrorDescriber.InvalidEmail))))
        {
            yield return error.Description;
        }
    }

    /// <summary>
    /// Disables or enables an account. Disabling renews its security stamp, so a session already open ends at the
    /// next check (<see cref="SupportCookie.RevalidateEvery"/>). Admins cannot disable themselves (nobody would be left to undo it).
    /// </summary>
    public async Task<AccountProblem?> SetDisabledAsync(string userId, bool disabled, string actingUserId)
    {
        if (disabled && userId == actingUserId)
        {
            return AccountProblem.Self;
        }
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountProblem.Unknown;
        }
        user.DisabledAt = disabled ? time.GetUtcNow() : null;
        var updated = await users.UpdateAsync(user);
        if (updated.Succeeded && disabled)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        return updated.Succeeded ? null : AccountProblem.NotSaved;
    }

    /// <summary>
    /// Lifts a lockout after failed sign-ins before it runs out, and starts the count of failures again: the sign-in
    /// form tells a locked-out person that an admin can help, without saying the account is locked.
    /// </summary>
    public async Task<AccountProblem?> UnlockAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return AccountProblem.Unknown;
        }
        var unlocked = await users.SetLockoutEndDateAsync(user, null);
        if (unlocked.Succeeded)
        {
            unlocked = await users.ResetAccessFailedCountAsync(user);
        }
        return unlocked.Succeeded ? null : AccountProblem.NotSaved;
    }

    public async Task<AccountPage> ListAsync(int page, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var all = db.Set<SupportUser>().AsNoTracking();
        var total = await all.CountAsync(cancellationToken);
        var rows = await all.OrderBy(u => u.NormalizedEmail)
            .Skip(Math.Max(0, page) * PageSize).Take(PageSize)
            .Select(u => new AccountRow(u.Id, u.Email ?? "", u.IsAdmin, u.DisabledAt, u.LockoutEnd, u.CreatedAt))
            .ToListAsync(cancellationToken);
        return new AccountPage(rows, total, page);
    }
}

/// <summary>Why a change to an account was refused; the accounts page says it in words.</summary>
public enum AccountProblem
{
    Self,
    Unknown,
    NotSaved,
}

public sealed record AccountRow(string Id, string Email, bool IsAdmin, DateTimeOffset? DisabledAt, DateTimeOffset? LockoutEnd, DateTimeOffset CreatedAt);

public sealed record AccountPage(IReadOnlyList<AccountRow> Rows, int Total, int Page)
{
    public int PageCount => Math.Max(1, (Total + SupportAccounts.PageSize - 1) / SupportAccounts.PageSize);
}
