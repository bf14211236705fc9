using Withings.Portal.Troubleshooting.Diagnosis;
using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Tests.Troubleshooting.Diagnosis;

/// <summary>What is read from each kind of pasted text.</summary>
public class SignalExtractorTests
{
    private static readonly SignalExtractor Extractor = new(TopicFiles.Catalog);

    [Theory]
    [InlineData("""{"status":503,"body":{},"error":"Invalid Params: invalid code"}""")]
    [InlineData("{'status': 503, 'error': 'Invalid Params: invalid code'}")]
    [InlineData("{ status: 503, body: {}, error: 'Invalid Params: invalid code' }")]
    [InlineData("""log: "{\"status\":503,\"body\":{}}" """)]
    [InlineData("status=503 error=...")]
    public void BodyStatusIsReadFromJsonDictReprsAndConsolePrints(string text)
    {
        Assert.Contains(new FoundStatus(503, StatusLayer.Body), Extractor.Extract(text).Statuses);
    }

    [Theory]
    [InlineData("requests.exceptions.HTTPError: 404 Client Error: Not Found for url: https://account.withings.com/oauth2/token", 404)]
    [InlineData("AxiosError: Request failed with status code 502", 502)]
    [InlineData("HttpRequestException: Response status code does not indicate success: 404 (Not Found).", 404)]
    [InlineData("HTTP/1.1 503 Service Unavailable", 503)]
    [InlineData("urllib.error.HTTPError: HTTP Error 404: Not Found", 404)]
    [InlineData("the token URL answers HTTP 410 since this morning", 410)]
    [InlineData("Withings: 401 Unauthorized when calling getmeas", 401)]
    [InlineData("nginx answered 502 Bad Gateway", 502)]
    [InlineData("""https://wbsapi.withings.net:443 "POST /v2/oauth2 HTTP/1.1" 200 63""", 200)]
    public void HttpStatusIsReadFromClientErrors(string text, int code)
    {
        Assert.Contains(new FoundStatus(code, StatusLayer.Http), Extractor.Extract(text).Statuses);
    }

    [Theory]
    [InlineData("My script cannot renew the token; the only error I get is that the token is\nexpired.")]
    [InlineData("My script cannot renew the token; the only error I get is that the token is\r\nexpired.")]
    [InlineData("the token  is   expired")]
    public void AWordingWrappedOverTwoLinesOfProseIsFound(string text)
    {
        Assert.True(Extractor.Extract(text).Phrases.ContainsKey("token is expired"));
    }

    [Fact]
    public void LinesOfALogAreNotJoinedIntoAWording()
    {
        var text = "2024-01-01 10:00:00 ERROR the token is\n2024-01-01 10:00:01 INFO Expired sessions purged";
        Assert.False(Extractor.Extract(text).Phrases.ContainsKey("token is expired"));
    }

    [Fact]
    public void FoldedPositionsMapBackToTheText()
    {
        var shifts = new List<(int At, int Removed)>();
        var text = "a  b\r\nc   withings";
        var folded = SignalExtractor.FoldWhitespace(text, shifts);

        Assert.Equal("a b c withings", folded);
        Assert.Equal(text.IndexOf("withings", StringComparison.Ordinal), SignalExtractor.OriginalPosition(shifts, folded.IndexOf("withings", StringComparison.Ordinal)));
        Assert.Equal(0, SignalExtractor.OriginalPosition(shifts, 0));
    }

    [Fact]
    public void ProseStatusHasAnUnknownLayer()
    {
        Assert.Contains(new FoundStatus(293, StatusLayer.Unknown), Extractor.Extract("withings notify subscribe gives status 293").Statuses);
    }

    [Fact]
    public void AStatusNextToStatusTextIsTheHttpStatusOfAResponseObject()
    {
        // How fetch, axios and superagent print a response: the HTTP status, its reason, and the body beside them.
        var fetchResponse = Extractor.Extract("Response { body: '{\"error\":\"invalid_grant\"}', status: 400, statusText: 'Bad Request' }");
        var axiosAroundAnEnvelope = Extractor.Extract("{ status: 200, statusText: 'OK', data: { status: 401, body: {}, error: 'invalid_token' } }");

        Assert.Contains(new FoundStatus(400, StatusLayer.Http), fetchResponse.Statuses);
        Assert.DoesNotContain(fetchResponse.WithingsMarkers, m => m.Contains("envelope", StringComparison.Ordinal));
        Assert.Contains(new FoundStatus(401, StatusLayer.Body), axiosAroundAnEnvelope.Statuses);
        Assert.Contains(new FoundStatus(200, StatusLayer.Http), axiosAroundAnEnvelope.Statuses);
    }

    [Fact]
    public void TheRetiredTokenEndpointIsFoundWhenCodeKeepsItsHostAndPathApart()
    {
        var composed = Extractor.Extract("BASE_URL = \"https://account.withings.com\"\nTOKEN_PATH = \"oauth2/token\"");
        var current = Extractor.Extract("BASE_URL = \"https://wbsapi.withings.net\"\nTOKEN_PATH = \"v2/oauth2\"");

        Assert.Contains(SignalFacts.EndpointLegacyToken, composed.Facts.Keys);
        Assert.DoesNotContain(SignalFacts.EndpointLegacyToken, current.Facts.Keys);
    }

    [Fact]
    public void LastUpdateSentWithADateRangeIsAFactOnlyWithoutAnErrorStatus()
    {
        var quiet = Extractor.Extract("withings getmeas with startdate, enddate and lastupdate=now returns nothing");
        var refused = Extractor.Extract("withings getmeas startdate enddate lastupdate: {\"status\": 503, \"error\": \"Invalid Params\"}");

        Assert.Contains(SignalFacts.LastUpdateWithDateRange, quiet.Facts.Keys);
        Assert.DoesNotContain(SignalFacts.LastUpdateWithDateRange, refused.Facts.Keys);
    }

    [Fact]
    public void BareWithingsOnlyCodesAreReadButValuesAreNot()
    {
        var prose = Extractor.Extract("Withings answered 601 for getmeas, then 2554");
        var values = Extractor.Extract("""withings {"measures":[{"value": 601, "type": 1}], "time": "10:00:22.601", "id": 2554}""");

        Assert.Contains(prose.Statuses, s => s.Code == 601);
        Assert.Contains(prose.Statuses, s => s.Code == 2554);
        Assert.DoesNotContain(values.Statuses, s => s.Code is 601 or 2554);
    }

    [Fact]
    public void CurlGivesEndpointFactsAndPrefill()
    {
        var signals = Extractor.Extract("curl 'https://wbsapi.withings.net/v2/oauth2?action=requesttoken&grant_type=refresh_token&client_id=a'");

        Assert.Equal(["token"], signals.Endpoints);
        Assert.Contains(SignalFacts.TokenParamsInQuery, signals.Facts.Keys);
        Assert.Contains(SignalFacts.GrantRefreshToken, signals.Facts.Keys);
        Assert.Equal("query", signals.Prefill["params"]);
        Assert.Equal("GET", signals.Prefill["method"]);
        Assert.Equal("refresh_token", signals.Prefill["grant_type"]);
        Assert.Contains("a request to `wbsapi.withings.net`", signals.WithingsMarkers);
    }

    [Fact]
    public void TimedLogGivesTheCodeAge()
    {
        var signals = Extractor.Extract("""
            12:00:01.000 GET /callback?code=abc&state=1
            12:00:40.000 withings requesttoken -> status 503
            """);

        Assert.Equal("39", signals.Prefill["age"]);
        Assert.Equal("the code was exchanged 39 s after the redirect (codes live 30 s)", signals.Facts[SignalFacts.CodeAgeOver30s]);
    }

    [Fact]
    public void ScopesOfTheTokenAreComparedWithTheCall()
    {
        var signals = Extractor.Extract("""{"status":0,"body":{"scope":"user.info,user.metrics"}} then action=getactivity fails""");

        Assert.Contains("needs `user.activity`", signals.Facts[SignalFacts.ScopeMissing]);
    }

    [Fact]
    public void EmptySuccessfulListIsNoticed()
    {
        var signals = Extractor.Extract("""{"status":0,"body":{"measuregrps": [ ],"more":0}}""".Replace("[ ]", "[]", StringComparison.Ordinal));

        Assert.Contains(SignalFacts.EmptyResult, signals.Facts.Keys);
        Assert.Contains(SignalFacts.SuccessStatus, signals.Facts.Keys);
    }

    [Fact]
    public void ProseMentionsOfRetiredUrlsAreFacts()
    {
        var signals = Extractor.Extract("is oauth2_user/authorize gone? also wbsapi.withings.com fails");

        Assert.Contains(SignalFacts.EndpointAuthorizeV1, signals.Facts.Keys);
        Assert.Contains(SignalFacts.HostApiCom, signals.Facts.Keys);
    }

    [Fact]
    public void OtherVendorsAndMissingMarkersAreRecorded()
    {
        var garmin = Extractor.Extract("401 Client Error: Unauthorized for url: https://connectapi.garmin.com/oauth-service/oauth/exchange/user/2.0");

        Assert.False(garmin.IsAboutWithings);
        Assert.Contains("garmin", garmin.OtherVendors);
    }

    [Fact]
    public void IntegrationsNamedByTheirModulePathAreRecordedButSharedLayersAndWithingsAreNot()
    {
        var signals = Extractor.Extract("""
            Logger: custom_components.acme_cloud.coordinator
              File "/usr/local/lib/python3.12/site-packages/aiohttp/connector.py", line 884, in _resolve_host
              File "/usr/local/lib/python3.12/site-packages/aiowithings/client.py", line 50
              File "/usr/lib/node_modules/some-fitness-sdk/index.js", line 3
            Logger: homeassistant.components.cloud
            """);

        Assert.Equal(["acme_cloud", "some-fitness-sdk"], signals.OtherIntegrations);
        Assert.True(signals.PointsElsewhere);
    }

    [Fact]
    public void AShortServiceNameInsideAnotherWordIsNotThatService()
    {
        Assert.Empty(Extractor.Extract("withings notify subscribe fails for https://hooks.ourapp.com/withings").OtherVendors);
        Assert.Equal(["oura"], Extractor.Extract("withings works, but the Oura token expired").OtherVendors);
    }
}
