namespace Withings.Portal.Shell;

public static class LocalUrl
{
    /// <summary>
    /// A return URL taken from a form is only followed when it stays on this site (<c>/path</c>, not
    /// <c>//evil.example</c> or <c>/\evil.example</c>); anything else goes home.
    /// </summary>
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            ? url
            : "/";
}
