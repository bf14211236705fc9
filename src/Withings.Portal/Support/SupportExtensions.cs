using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Withings.Portal.Shell;
using Microsoft.Extensions.Options;
using Withings.Portal.Data;
using Withings.Portal.Support;
using Withings.Portal.Support.Accounts;
using Withings.Portal.Support.Dashboard;
using Withings.Portal.Support.Forms;
using Withings.Portal.Support.Links;

namespace Microsoft.Extensions.DependencyInjection;

public static class SupportExtensions
{
    /// <summary>
    /// Support staff: sign-in with ASP.NET Core Identity (accounts in the portal's database, the first admin from
    /// configuration, lockout, no self-registration), the dashboard at <c>/support</c> and support links <c>/l/{code}</c>.
    /// Nobody can sign in unless <c>Support:Enabled</c> (see <see cref="SupportOptions"/>); the pages refuse anonymous
    /// visitors either way.
    /// </summary>
    public static IHostApplicationBuilder AddSupport(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SupportOptions>().BindConfiguration(SupportOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SupportOptions>, SupportOptionsValidator>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(SupportCookie.Configure);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = SupportCookie.RevalidateEvery);
        services.AddIdentityCore<SupportUser>(identity =>
            {
                PasswordRules.Apply(identity.Password);
                identity.User.RequireUniqueEmail = true;
                identity.SignIn.RequireConfirmedAccount = true;
                identity.Lockout.AllowedForNewUsers = true;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddClaimsPrincipalFactory<SupportClaimsFactory>()
            .AddUserConfirmation<EnabledAccountConfirmation>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<SupportOptions>>((identity, support) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = support.Value.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(support.Value.LockoutMinutes);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(SupportPolicies.Staff, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .AddPolicy(SupportPolicies.Admin, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireClaim(SupportPolicies.AdminClaim, "true"));
        services.AddCascadingAuthenticationState();

        if (builder.Configuration.GetValue<bool>($"{SupportOptions.Section}:{nameof(SupportOptions.Enabled)}"))
        {
            services.AddSingleton<ConfiguredAdmin>();
            services.AfterDatabaseMigration<ConfiguredAdmin>((admin, cancellationToken) => admin.EnsureAsync(cancellationToken));
        }
        services.AddScoped<SupportAccounts>();
        services.AddSingleton<SupportLinks>();
        services.AddSingleton<DashboardQueries>();
        services.Configure<RateLimiterOptions>(limiter => limiter
            .AddPerClientAddress(SupportEndpoints.RateLimitPolicy, permitsPerMinute: 60)
            .AddPerClientAddress(ShortLinks.RateLimitPolicy, permitsPerMinute: 30)
            // Attempts only: viewing the form is never slowed down.
            .AddPolicy(SupportCookie.SignInRateLimitPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientAddressRateLimits.Of(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = SupportCookie.SignInPermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                })
                : RateLimitPartition.GetNoLimiter("")));
        return builder;
    }

    /// <summary>The form posts: sign-out, accounts, links (the pages, <c>/l/{code}</c> included, are Razor components).</summary>
    public static WebApplication MapSupport(this WebApplication app)
    {
        app.MapSupportEndpoints();
        return app;
    }
}
