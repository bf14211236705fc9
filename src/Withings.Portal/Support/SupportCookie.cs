using Microsoft.AspNetCore.Authentication.Cookies;

namespace Withings.Portal.Support;

/// <summary>The support staff's sign-in cookie (Identity's application cookie) and the addresses it sends people to.</summary>
public static class SupportCookie
{
    public const string SignInPath = "/support/sign-in";
    public const string SignOutPath = "/support/sign-out";
    public const string DashboardPath = "/support";
    public const string AdminsOnlyPath = "/support/admins-only";

    /// <summary>
    /// Sign-in attempts per client address and minute. The lockout guards one account; this guards them all against one
    /// address trying a password on many.
    /// </summary>
    public const string SignInRateLimitPolicy = "support-sign-in";
    public const int SignInPermitsPerMinute = 20;

    /// <summary>How often an open session is checked against its account, so a disabled account is signed out soon.</summary>
    public static readonly TimeSpan RevalidateEvery = TimeSpan.FromMinutes(1);

    public static void Configure(CookieAuthenticationOptions cookie)
    {
        cookie.LoginPath = SignInPath;
        cookie.LogoutPath = SignOutPath;
        // A signed-in staff account refused an admin page stays signed in and is told why (the sign-in form would loop).
        cookie.AccessDeniedPath = AdminsOnlyPath;
        cookie.ReturnUrlParameter = "returnUrl";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        cookie.SlidingExpiration = true;
        var redirectToLogin = cookie.Events.OnRedirectToLogin;
        var redirectToAccessDenied = cookie.Events.OnRedirectToAccessDenied;
        // Browsers (pages, form posts) go to the sign-in form; anything else (a script, an API client) gets the status code.
        cookie.Events.OnRedirectToLogin = context => IsPage(context.Request)
            ? redirectToLogin(context)
            : Status(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => IsPage(context.Request)
            ? redirectToAccessDenied(context)
            : Status(context, StatusCodes.Status403Forbidden);
    }

    private static bool IsPage(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal);

    private static Task Status(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
