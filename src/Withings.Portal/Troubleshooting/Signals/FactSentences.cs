namespace Withings.Portal.Troubleshooting.Signals;

/// <summary>
/// Evidence sentences for facts that are established in more than one way (a parsed request, or words in a log or in
/// prose): the reader sees the same sentence whichever way the fact was found.
/// </summary>
public static class FactSentences
{
    public const string HostApiCom = "host is `wbsapi.withings.com`; the API host is `wbsapi.withings.net`";

    public const string GrantAuthorizationCode = "the request exchanges an authorization code (`grant_type=authorization_code`)";

    public const string GrantRefreshToken = "the request refreshes a token (`grant_type=refresh_token`)";

    public static string AuthorizeV1(string path) =>
        $"authorize URL uses `{path}`; the consent page is `oauth2_user/authorize2`";
}
