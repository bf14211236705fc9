using Withings.Portal.Troubleshooting.Requests;

namespace Withings.Portal.Tests.Troubleshooting.Requests;

public class RequestParserTests
{
    [Fact]
    public void MultiLineCurlIsReadWithMethodHeadersAndFormBody()
    {
        var text = """
            $ curl -X POST "https://wbsapi.withings.net/v2/oauth2" \
                -H 'Content-Type: application/x-www-form-urlencoded' \
                -d action=requesttoken \
                --data-urlencode "redirect_uri=https://app.example.com/cb" \
                -d 'client_id=abc'
            """;

        var request = Assert.Single(RequestParser.Parse(text));

        Assert.Equal(RequestSource.Curl, request.Source);
        Assert.Equal("POST", request.Method);
        Assert.Equal("wbsapi.withings.net", request.Host);
        Assert.Equal("/v2/oauth2", request.Path);
        Assert.Equal("token", request.Target.Kind);
        Assert.Equal(BodyFormat.Form, request.BodyFormat);
        Assert.Equal("https://app.example.com/cb", request.Param("redirect_uri"));
        Assert.Equal("application/x-www-form-urlencoded", request.Header("content-type"));
        Assert.Empty(request.Query);
    }

    [Fact]
    public void CurlWithGetFlagMovesDataToTheQuery()
    {
        var request = Assert.Single(RequestParser.Parse("curl -G https://wbsapi.withings.net/measure -d action=getmeas -d meastype=1"));

        Assert.Equal("GET", request.Method);
        Assert.Equal("getmeas", request.Query.Single(p => p.Key == "action").Value);
        Assert.Empty(request.Body);
    }

    [Fact]
    public void WindowsCurlWithCaretsAndJsonBodyIsRead()
    {
        var text = "curl.exe -X POST https://wbsapi.withings.net/v2/oauth2 ^\n  -H \"Content-Type: application/json\" ^\n  -d \"{\\\"action\\\":\\\"requesttoken\\\",\\\"grant_type\\\":\\\"refresh_token\\\"}\"";

        var request = Assert.Single(RequestParser.Parse(text));

        Assert.Equal(BodyFormat.Json, request.BodyFormat);
        Assert.Equal("refresh_token", request.Param("grant_type"));
    }

    [Fact]
    public void RawHttpRequestIsReadWithHostHeaderAndBody()
    {
        var text = "POST /v2/oauth2 HTTP/1.1\nHost: wbsapi.withings.net\nAuthorization: Basic YWJj\n\naction=requesttoken&grant_type=authorization_code&code=x\n";

        var request = Assert.Single(RequestParser.Parse(text));

        Assert.Equal(RequestSource.RawHttp, request.Source);
        Assert.Equal("wbsapi.withings.net", request.Host);
        Assert.Equal("authorization_code", request.Param("grant_type"));
        Assert.Equal("Basic YWJj", request.Header("Authorization"));
        Assert.False(request.HasParam("client_id"));
    }

    [Fact]
    public void Urllib3LogLineGivesMethodHostAndPath()
    {
        var text = """2023-11-02 07:41:03,530 urllib3.connectionpool DEBUG https://wbsapi.withings.net:443 "POST /v2/oauth2 HTTP/1.1" 200 63""";

        var request = Assert.Single(RequestParser.Parse(text));

        Assert.Equal(RequestSource.LogLine, request.Source);
        Assert.Equal("POST", request.Method);
        Assert.Equal("wbsapi.withings.net", request.Host);
        Assert.Equal("token", request.Target.Kind);
        Assert.False(request.ParamsKnown);
    }

    [Fact]
    public void UrlKeepsCommaSeparatedScopesAndItsQuery()
    {
        var text = "open https://account.withings.com/oauth2_user/authorize2?response_type=code&scope=user.info,user.metrics&redirect_uri=https%3A%2F%2Fa.example%2Fcb, then allow";

        var request = Assert.Single(RequestParser.Parse(text));

        Assert.Equal(RequestSource.Url, request.Source);
        Assert.Null(request.Method);
        Assert.Equal("user.info,user.metrics", request.Param("scope"));
        Assert.Equal("https://a.example/cb", request.Param("redirect_uri"));
        Assert.Equal("authorize", request.Target.Kind);
    }

    [Fact]
    public void PythonRequestsGetWithParamsPutsThemInTheQuery()
    {
        var text = """
            r = requests.get("https://wbsapi.withings.net/v2/oauth2", params={
                "action": "requesttoken", "grant_type": "authorization_code", "client_id": CLIENT_ID})
            """;

        var request = Assert.Single(RequestParser.Parse(text));

        Assert.Equal(RequestSource.Code, request.Source);
        Assert.Equal("GET", request.Method);
        Assert.Equal("authorization_code", request.Query.Single(p => p.Key == "grant_type").Value);
    }

    [Fact]
    public void AxiosPostWithAnObjectIsAJsonBody()
    {
        var text = "await axios.post('https://wbsapi.withings.net/v2/oauth2', { action: 'requesttoken', client_id: id })";

        var request = Assert.Single(RequestParser.Parse(text));

        Assert.Equal("POST", request.Method);
        Assert.Equal(BodyFormat.Json, request.BodyFormat);
        Assert.Equal("requesttoken", request.Param("action"));
    }

    [Fact]
    public void SandboxPathsAreClassifiedLikeTheRealHosts()
    {
        var request = Assert.Single(RequestParser.Parse("curl -X POST http://localhost:5000/sandbox/wbsapi/v2/sleep -d action=get"));

        Assert.Equal("data", request.Target.Kind);
        Assert.Equal("/v2/sleep", request.Target.Service);
        Assert.Equal(WithingsHost.Sandbox, request.Target.Host);
    }

    [Fact]
    public void OtherApisAreNotWithingsEndpoints()
    {
        var request = Assert.Single(RequestParser.Parse("curl https://api.fitbit.com/oauth2/token -d grant_type=refresh_token"));

        Assert.False(request.Target.IsWithings);
    }

    [Fact]
    public void ParsingStopsAtTheRequestCap()
    {
        var text = string.Concat(Enumerable.Repeat("GET https://wbsapi.withings.net/measure?action=getmeas\n", 500));

        Assert.Equal(RequestParser.MaxRequests, RequestParser.Parse(text).Count);
    }
}
