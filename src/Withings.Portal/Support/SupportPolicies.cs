using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Withings.Portal.Support;

/// <summary>Who may see what: any signed-in support account (<see cref="Staff"/>), and admins for accounts.</summary>
public static class SupportPolicies
{
    public const string Staff = "support-staff";
    public const string Admin = "support-admin";

    /// <summary>The claim that marks an admin, added at sign-in from <see cref="SupportUser.IsAdmin"/>.</summary>
    public const string AdminClaim = "support:admin";
}

/// <summary>Adds the admin claim to the signed-in principal.</summary>
internal sealed class SupportClaimsFactory(UserManager<SupportUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SupportUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SupportUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.IsAdmin)
        {
            identity.AddClaim(new Claim(SupportPolicies.AdminClaim, "true"));
        }
        return identity;
    }
}

/// <summary>A disabled account cannot sign in (Identity answers "not allowed").</summary>
internal sealed class EnabledAccountConfirmation : IUserConfirmation<SupportUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<SupportUser> manager, SupportUser user) => Task.FromResult(user.DisabledAt is null);
}
