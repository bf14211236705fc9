namespace Withings.Portal.Support.Links;

/// <summary>The short address of a support link: <c>/l/{code}</c> (the page is <c>Components/Pages/Support/ShortLinkPage</c>).</summary>
public static class ShortLinks
{
    public const string RateLimitPolicy = "support-short-link";

    public static string Path(string code) => $"/l/{code}";
}
