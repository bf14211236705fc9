namespace Withings.Portal.Shell;

/// <summary>
/// The reader's light/dark choice, kept in a cookie so that static pages (no circuit, no JavaScript) render
/// in the right theme on the first byte.
/// </summary>
public static class ThemePreference
{
    public const string CookieName = "portal-theme";
    public const string Dark = "dark";
    public const string Light = "light";

    public static bool IsDark(HttpContext? context) =>
        context?.Request.Cookies[CookieName] == Dark;

    /// <summary>The value output caching varies by, so light and dark pages are cached separately.</summary>
    public static string CacheKey(HttpContext context) => IsDark(context) ? Dark : Light;

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
