using System.Security.Cryptography;
using System.Text;

namespace Withings.Portal.Shell;

/// <summary>
/// A random, cookie-held id for "one answer per visitor" (page feedback, troubleshooter outcomes). The cookie is sent
/// only to the path that records answers, so it never takes a reader's pages out of the shared cache, and only a hash
/// of it is stored.
/// </summary>
public static class AnonymousVisitor
{
    public static string ReadOrCreate(HttpContext context, string cookieName)
    {
        var id = context.Request.Cookies[cookieName];
        return string.IsNullOrEmpty(id) || id.Length > 64
            ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_')
            : id;
    }

    /// <summary>What is stored: enough to recognise the visitor's next answer, nothing more.</summary>
    public static string Key(string visitorId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(visitorId)));

    public static void Remember(HttpContext context, string cookieName, string value, string path) =>
        context.Response.Cookies.Append(cookieName, value, new CookieOptions
        {
            Path = path,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
}
