using Withings.Portal.Troubleshooting.Diagnosis;
using Withings.Portal.Troubleshooting.Requests;
using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Tests.Troubleshooting.Requests;

public class RequestLinterTests
{
    private static readonly RequestLinter Linter = new(TopicFiles.Catalog);

    [Fact]
    public void TokenParametersInTheQueryOfAGetPointToTheGrantTypeTopic()
    {
        var report = Linter.Lint("curl \"https://wbsapi.withings.net/v2/oauth2?action=requesttoken&grant_type=authorization_code&client_id=a&client_secret=b&code=c&redirect_uri=https://x.example/cb\"");

        var query = Assert.Single(report.Findings, f => f.Fact == SignalFacts.TokenParamsInQuery);
        Assert.Equal(IssueSeverity.Error, query.Severity);
        Assert.Equal("invalid-grant-type", query.Topic);
        Assert.Contains(report.Findings, f => f.Fact == SignalFacts.TokenMethodGet);
    }

    [Fact]
    public void CredentialsInABasicHeaderAreAMissingClientId()
    {
        var report = Linter.Lint("curl -X POST https://wbsapi.withings.net/v2/oauth2 -u id:secret -d action=requesttoken -d grant_type=refresh_token -d refresh_token=r");

        var missing = Assert.Single(report.Findings, f => f.Fact == SignalFacts.TokenClientIdMissing);
        Assert.Equal("client-id-missing", missing.Topic);
        Assert.Contains(report.Findings, f => f.Topic == "invalid-client-credentials");
    }

    [Fact]
    public void JsonBodyToTheTokenEndpointIsAnError()
    {
        var report = Linter.Lint("curl https://wbsapi.withings.net/v2/oauth2 --json '{\"action\":\"requesttoken\",\"grant_type\":\"authorization_code\",\"client_id\":\"a\",\"client_secret\":\"b\",\"code\":\"c\",\"redirect_uri\":\"https://x.example\"}'");

        Assert.Contains(report.Findings, f => f.Fact == SignalFacts.TokenJsonBody && f.Severity == IssueSeverity.Error);
    }

    [Fact]
    public void ComHostIsTheWrongApiHost()
    {
        var finding = Assert.Single(Linter.Lint("curl -X POST https://wbsapi.withings.com/v2/user -H 'Authorization: Bearer t' -d action=getdevice").Findings);

        Assert.Equal("wrong-api-host", finding.Topic);
        Assert.Contains("wbsapi.withings.net", finding.Message);
    }

    [Fact]
    public void AuthorizeWithoutTheTwoIsTheWrongEndpoint()
    {
        var report = Linter.Lint("https://account.withings.com/oauth2_user/authorize?response_type=code&client_id=a&scope=user.metrics&state=s&redirect_uri=https%3A%2F%2Fa.example%2Fcb");

        var finding = Assert.Single(report.Findings);
        Assert.Equal("wrong-authorize-endpoint", finding.Topic);
        Assert.Equal("authorize URL uses `oauth2_user/authorize`; the consent page is `oauth2_user/authorize2`", finding.Message);
    }

    [Fact]
    public void TheConsentPageOnTheApiHostIsTheWrongAuthorizeEndpoint()
    {
        var report = Linter.Lint("https://wbsapi.withings.net/oauth2_user/authorize2?response_type=code&client_id=a&scope=user.metrics&state=s&redirect_uri=https%3A%2F%2Fa.example%2Fcb");

        var finding = Assert.Single(report.Findings, f => f.Fact == SignalFacts.HostApiForAuthorize);
        Assert.Equal(IssueSeverity.Error, finding.Severity);
        Assert.Equal("wrong-authorize-endpoint", finding.Topic);
        Assert.Contains("account.withings.com", finding.Message);
    }

    [Fact]
    public void MissingOrForeignActionPointsToUnknownAction()
    {
        var missing = Linter.Lint("curl -X POST https://wbsapi.withings.net/v2/sleep -H 'Authorization: Bearer t' -d startdate=1714521600");
        var foreign = Linter.Lint("curl -X POST https://wbsapi.withings.net/measure -H 'Authorization: Bearer t' -d action=getactivity");

        Assert.Equal("unknown-action", Assert.Single(missing.Findings).Topic);
        var finding = Assert.Single(foreign.Findings);
        Assert.Equal("unknown-action", finding.Topic);
        Assert.Contains("belongs to `/v2/measure`", finding.Message);
    }

    [Fact]
    public void TokenPlacementIsChecked()
    {
        var inQuery = Linter.Lint("curl 'https://wbsapi.withings.net/measure?action=getmeas&access_token=t'");
        var notBearer = Linter.Lint("curl -X POST https://wbsapi.withings.net/measure -H 'Authorization: Token t' -d action=getmeas");
        var none = Linter.Lint("curl -X POST https://wbsapi.withings.net/measure -d action=getmeas");

        Assert.Equal(IssueSeverity.Warning, Assert.Single(inQuery.Findings).Severity);
        Assert.Equal(SignalFacts.DataAuthNotBearer, Assert.Single(notBearer.Findings).Fact);
        var missing = Assert.Single(none.Findings);
        Assert.Equal(SignalFacts.DataBearerMissing, missing.Fact);
        Assert.Equal("invalid-access-token", missing.Topic);
    }

    [Fact]
    public void OAuth1ParametersPointToTheShutDownOAuth1()
    {
        var report = Linter.Lint("https://wbsapi.withings.net/measure?action=getmeas&oauth_consumer_key=k&oauth_signature=s&oauth_token=t");

        Assert.Contains(report.Findings, f => f.Fact == SignalFacts.OAuth1Params && f.Topic == "oauth1-deprecated");
    }

    [Fact]
    public void PrivateCallbackOnSubscribePointsToNotificationCallback()
    {
        var report = Linter.Lint("curl -X POST https://wbsapi.withings.net/notify -H 'Authorization: Bearer t' -d action=subscribe -d appli=1 --data-urlencode callbackurl=http://192.168.1.4:8123/api/webhook/x");

        Assert.Equal([SignalFacts.CallbackLocal, SignalFacts.CallbackHttp, SignalFacts.CallbackPort], report.Findings.Select(f => f.Fact));
        Assert.All(report.Findings, f => Assert.Equal("notification-callback", f.Topic));
    }

    [Fact]
    public void LowercaseHexSignatureIsAcceptedOtherEncodingsAreNot()
    {
        var good = Linter.Lint("curl -X POST https://wbsapi.withings.net/v2/oauth2 -d action=requesttoken -d client_id=a -d nonce=n -d grant_type=refresh_token -d refresh_token=r -d signature=" + new string('a', 64));
        var base64 = Linter.Lint("curl -X POST https://wbsapi.withings.net/v2/oauth2 -d action=requesttoken -d client_id=a -d nonce=n -d grant_type=refresh_token -d refresh_token=r -d signature=ZmFrZQ==");

        Assert.Empty(good.Findings);
        Assert.Equal("signature-nonce", Assert.Single(base64.Findings).Topic);
    }

    [Fact]
    public void CorrectRequestsAndOtherApisHaveNoFindings()
    {
        var exchange = Linter.Lint("curl -X POST https://wbsapi.withings.net/v2/oauth2 -d action=requesttoken -d grant_type=authorization_code -d client_id=a -d client_secret=b -d code=c -d redirect_uri=https://a.example/cb");
        var data = Linter.Lint("curl -X POST https://wbsapi.withings.net/v2/measure -H 'Authorization: Bearer t' -d action=getactivity -d startdateymd=2024-05-01 -d enddateymd=2024-05-02");
        var other = Linter.Lint("curl -X GET https://api.fitbit.com/1/user/-/profile.json");

        Assert.True(exchange.FoundRequest);
        Assert.Empty(exchange.Findings);
        Assert.Empty(data.Findings);
        Assert.True(other.FoundRequest);
        Assert.Empty(other.Findings);
    }
}
