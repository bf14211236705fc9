namespace Withings.Portal.Shell;

/// <summary>
/// The reader's light/dark choice, kept in a cookie so that static pages (no circuit, no JavaScript) render
/// in the right theme on the first byte. A reader who never chose follows the operating system's setting: the page
/// then carries both palettes and the browser picks one with <c>prefers-color-scheme</c>, so the server needs no hint
/// and one cached copy serves every such reader.
/// </summary>
public static class ThemePreference
{
    public const string CookieName = "portal-theme";
    public const string Dark = "dark";
    public const string Light = "light";
    public const string System = "system";

    /// <summary><see cref="Dark"/>, <see cref="Light"/>, or <see cref="System"/> when the reader has not chosen.</summary>
    public static string Of(HttpContext? context) => context?.Request.Cookies[CookieName] switch
    {
        Dark => Dark,
        Light => Light,
        _ => System,
    };

    public static bool IsDark(HttpContext? context) => Of(context) == Dark;

    public static bool FollowsTheSystem(HttpContext? context) => Of(context) == System;

    /// <summary>The value output caching varies by, so light, dark and follow-the-system pages are cached separately.</summary>
    public static string CacheKey(HttpContext context) => Of(context);

    public static void Remember(HttpResponse response, bool dark) =>
        response.Cookies.Append(CookieName, dark ? Dark : Light, new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
}
