using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Content;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Content.Search;

/// <summary>Search over the shipped content finds each FAQ answer by the words integrators use.</summary>
public class RepositorySearchTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private ContentSnapshot Content => fixture.Portal.Services.GetRequiredService<ContentStore>().Current;

    [Theory]
    [InlineData("unlink user", "/faq/unlink-a-user")]
    [InlineData("several partner applications", "/faq/several-partner-applications")]
    [InlineData("This is not a valid URL", "/faq/not-a-valid-url")]
    [InlineData("IP or localhost as callback URL", "/faq/ip-or-localhost-callback-url")]
    [InlineData("force logout", "/faq/force-logout-before-oauth2")]
    [InlineData("CORS policy", "/faq/cors-policy-error")]
    [InlineData("Invalid Params: invalid code", "/faq/invalid-code")]
    [InlineData("invalid grant_type", "/faq/invalid-grant-type")]
    [InlineData("client ID was not specified", "/faq/client-id-not-specified")]
    [InlineData("client_id not authorized", "/faq/client-id-not-authorized")]
    [InlineData("redirect URI does not match partner callback", "/faq/redirect-uri-mismatch")]
    [InlineData("wbsapi.withings.com not working", "/faq/wbsapi-withings-com-not-working")]
    [InlineData("wbsapi.withings.com", "/faq/wbsapi-withings-com-not-working")]
    [InlineData("https://wbsapi.withings.com", "/faq/wbsapi-withings-com-not-working")]
    [InlineData("wbsapi withings com", "/faq/wbsapi-withings-com-not-working")]
    [InlineData("wbsapi.withings.com", "/troubleshoot/wrong-api-host")]
    [InlineData("wbsapi.withings.com", "/glossary/api-hosts")]
    [InlineData("wbsapi.withings.net", "/glossary/api-hosts")]
    [InlineData("account.withings.com/oauth2/token", "/troubleshoot/deprecated-token-endpoint")]
    [InlineData("/v2/oauth2", "/troubleshoot/deprecated-token-endpoint")]
    [InlineData("oauth2_user/authorize endpoint", "/faq/authorize-endpoint-not-working")]
    [InlineData("notify revoke", "/faq/notify-revoke-after-unlink")]
    [InlineData("User is temporarily deactivated", "/faq/user-temporarily-deactivated")]
    [InlineData("transfer ownership", "/faq/transfer-partner-application")]
    [InlineData("remove partner application", "/faq/remove-partner-application")]
    [InlineData("empty response test data", "/faq/test-data")]
    [InlineData("redirct uri mismatch", "/faq/redirect-uri-mismatch")]
    [InlineData("refesh tokn", "/glossary/refresh-token")]
    public void KeyWordsFindThePageInTheTopThree(string query, string expected)
    {
        var top = Content.Search.Search(query).Hits.Take(3).Select(h => h.Document.Route).ToList();

        Assert.Contains(expected, top);
    }
}
