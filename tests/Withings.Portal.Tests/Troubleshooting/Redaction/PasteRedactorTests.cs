using Withings.Portal.Tests.Troubleshooting.Diagnosis;
using Withings.Portal.Troubleshooting.Diagnosis;
using Withings.Portal.Troubleshooting.Redaction;

namespace Withings.Portal.Tests.Troubleshooting.Redaction;

/// <summary>Realistic pastes from Python, JS and C# clients, Home Assistant, curl and raw HTTP, with made-up secrets.</summary>
public class PasteRedactorTests
{
    private const string AccessToken = "a7e1c9d04b2f6e8a1c3d5f7b9e0a2c4d6f8b0e1a";
    private const string RefreshToken = "5d2f8a1e3c7b9d0f4a6e8c2b1d3f5a7e9c0b2d4f";
    private const string Code = "4b9a2e7f1c3d5b8a0e2f4c6d8a1b3e5f7c9d0a2b";
    private const string ClientId = "0ab1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1";
    private const string ClientSecret = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";
    private const string Signature = "813fa95f1669e344946e4cc248876293f05ec3de0335566c6529e12dd2f07d9a";
    private const string Nonce = "c0ffee00d15ea5e0b0a710ad5eed1e55f00dfeed";

    [Fact]
    public void PythonOAuthlibDebugLogLosesCodeAndSecretButKeepsClientId()
    {
        var text = $"""
            DEBUG:requests_oauthlib.oauth2_session:Requesting url https://wbsapi.withings.net/v2/oauth2 using method POST.
            DEBUG:requests_oauthlib.oauth2_session:Supplying headers {"{"}'Accept': 'application/json'{"}"} and data {"{"}'grant_type': 'authorization_code', 'code': '{Code}', 'redirect_uri': 'https://example.org/cb', 'action': 'requesttoken', 'client_id': '{ClientId}', 'client_secret': '{ClientSecret}'{"}"}
            DEBUG:urllib3.connectionpool:https://wbsapi.withings.net:443 "POST /v2/oauth2 HTTP/1.1" 200 63
            """;

        var redacted = PasteRedactor.Redact(text);

        AssertNoSecret(redacted.Text);
        Assert.Contains("'code': '<code>'", redacted.Text);
        Assert.Contains("'client_secret': '<client_secret>'", redacted.Text);
        Assert.Contains($"'client_id': '{ClientId}'", redacted.Text);
        Assert.Contains("'grant_type': 'authorization_code'", redacted.Text);
        Assert.Contains("\"POST /v2/oauth2 HTTP/1.1\" 200 63", redacted.Text);
    }

    [Fact]
    public void PythonTokenReprKeepsUseridScopeAndExpiry()
    {
        var text = $"{{'status': 0, 'body': {{'userid': '13742712', 'access_token': '{AccessToken}', 'refresh_token': '{RefreshToken}', 'expires_in': 10800, 'scope': 'user.info,user.metrics', 'token_type': 'Bearer'}}}}";

        var redacted = PasteRedactor.Redact(text);

        Assert.Equal(
            "{'status': 0, 'body': {'userid': '13742712', 'access_token': '<access_token>', 'refresh_token': '<refresh_token>', 'expires_in': 10800, 'scope': 'user.info,user.metrics', 'token_type': 'Bearer'}}",
            redacted.Text);
        Assert.Equal(1, redacted.Replaced["<access_token>"]);
        Assert.Equal(1, redacted.Replaced["<refresh_token>"]);
    }

    [Fact]
    public void HomeAssistantLogLosesTheStoredTokens()
    {
        var text = $"""
            2024-03-12 21:04:11.532 ERROR (MainThread) [homeassistant.components.withings] Error refreshing token {"{"}'auth_implementation': 'withings', 'token': {"{"}'access_token': '{AccessToken}', 'refresh_token': '{RefreshToken}', 'expires_at': 1710280000.1, 'userid': '13742712'{"}"}{"}"}
            aiowithings.exceptions.WithingsInvalidParamsError: Invalid Params: invalid refresh_token
            """;

        var redacted = PasteRedactor.Redact(text);

        AssertNoSecret(redacted.Text);
        Assert.Contains("'userid': '13742712'", redacted.Text);
        Assert.Contains("'expires_at': 1710280000.1", redacted.Text);
        Assert.Contains("Invalid Params: invalid refresh_token", redacted.Text);
    }

    [Fact]
    public void JsAxiosErrorKeepsItsErrorCodeAndLosesTheBearer()
    {
        var text = $$"""
            AxiosError: Request failed with status code 401
                at settle (node_modules/axios/lib/core/settle.js:19:12) {
              code: 'ERR_BAD_REQUEST',
              config: {
                url: 'https://wbsapi.withings.net/v2/measure',
                method: 'post',
                headers: { Accept: 'application/json', Authorization: 'Bearer {{AccessToken}}' },
                data: 'action=getactivity&startdateymd=2024-01-01'
              },
              response: { status: 401, data: { status: 401, body: {}, error: 'invalid_token' } }
            }
            """;

        var redacted = PasteRedactor.Redact(text);

        AssertNoSecret(redacted.Text);
        Assert.Contains("Authorization: 'Bearer <access_token>'", redacted.Text);
        Assert.Contains("code: 'ERR_BAD_REQUEST'", redacted.Text);
        Assert.Contains("status code 401", redacted.Text);
        Assert.Contains("error: 'invalid_token'", redacted.Text);
    }

    [Fact]
    public void JsObjectWithUnquotedKeysLosesTheSecret()
    {
        var text = $"const params = {{ action: 'requesttoken', client_id: '{ClientId}', client_secret: \"{ClientSecret}\", code: req.query.code }};";

        var redacted = PasteRedactor.Redact(text);

        Assert.Equal(
            $"const params = {{ action: 'requesttoken', client_id: '{ClientId}', client_secret: \"<client_secret>\", code: req.query.code }};",
            redacted.Text);
    }

    [Fact]
    public void CSharpHttpClientLogAndRecordToStringLoseTheirSecrets()
    {
        var text = $"""
            info: System.Net.Http.HttpClient.Withings.LogicalHandler[100]
                  Start processing HTTP request POST https://wbsapi.withings.net/v2/oauth2
            dbug: WithingsSync.TokenClient[0]
                  Request body: action=requesttoken&grant_type=authorization_code&client_id={ClientId}&client_secret={ClientSecret}&code={Code}&redirect_uri=https%3A%2F%2Fexample.org%2Fcb
            dbug: WithingsSync.TokenClient[0]
                  Got TokenResponse {"{"} AccessToken = {AccessToken}, RefreshToken = {RefreshToken}, ExpiresIn = 10800, UserId = 13742712 {"}"}
            """;

        var redacted = PasteRedactor.Redact(text);

        AssertNoSecret(redacted.Text);
        Assert.Contains($"client_id={ClientId}&client_secret=<client_secret>&code=<code>&redirect_uri=https%3A%2F%2Fexample.org%2Fcb", redacted.Text);
        Assert.Contains("AccessToken = <access_token>, RefreshToken = <refresh_token>, ExpiresIn = 10800, UserId = 13742712", redacted.Text);
    }

    [Fact]
    public void CurlCommandsLoseFormSecretsHeadersAndUserPasswords()
    {
        var text = $"""
            curl -X POST https://wbsapi.withings.net/v2/oauth2 \
              -d action=requesttoken -d grant_type=authorization_code \
              -d client_id={ClientId} -d "client_secret={ClientSecret}" \
              --data-urlencode 'code={Code}' -d redirect_uri=https://example.org/cb
            curl -H "Authorization: Bearer {AccessToken}" "https://wbsapi.withings.net/v2/measure?action=getactivity"
            curl -u {ClientId}:hunter2secret https://proxy.example/token
            """;

        var redacted = PasteRedactor.Redact(text);

        AssertNoSecret(redacted.Text);
        Assert.DoesNotContain("hunter2secret", redacted.Text);
        Assert.Contains("-d \"client_secret=<client_secret>\"", redacted.Text);
        Assert.Contains("'code=<code>'", redacted.Text);
        Assert.Contains("\"Authorization: Bearer <access_token>\"", redacted.Text);
        Assert.Contains($"-u {ClientId}:<password>", redacted.Text);
        Assert.Contains("-d grant_type=authorization_code", redacted.Text);
    }

    [Fact]
    public void RawHttpRequestLosesBasicCredentialsAndBodySecrets()
    {
        var text = $"""
            POST /v2/oauth2 HTTP/1.1
            Host: wbsapi.withings.net
            Authorization: Basic ZGVtbzpzZWNyZXQxMjM0NQ==
            Cookie: session=8d7f6e5d4c3b2a19; _ga=GA1.2.3
            Content-Type: application/x-www-form-urlencoded

            action=requesttoken&grant_type=refresh_token&client_id=my-app&client_secret=s3cr3t-value&refresh_token={RefreshToken}
            """;

        var redacted = PasteRedactor.Redact(text);

        AssertNoSecret(redacted.Text);
        Assert.DoesNotContain("ZGVtbzpzZWNyZXQxMjM0NQ", redacted.Text);
        Assert.DoesNotContain("8d7f6e5d4c3b2a19", redacted.Text);
        Assert.DoesNotContain("s3cr3t-value", redacted.Text);
        Assert.Contains("Authorization: Basic <credentials>", redacted.Text);
        Assert.Contains("Cookie: <cookie>", redacted.Text);
        Assert.Contains("client_id=my-app&client_secret=<client_secret>&refresh_token=<refresh_token>", redacted.Text);
        Assert.Contains("Host: wbsapi.withings.net", redacted.Text);
    }

    [Fact]
    public void AuthorizationHeaderWithoutSchemeLosesItsValue()
    {
        var redacted = PasteRedactor.Redact($"headers = {{\"Authorization\": \"{AccessToken}\"}}");

        Assert.Equal("headers = {\"Authorization\": \"<authorization>\"}", redacted.Text);
    }

    [Fact]
    public void SignedRequestLosesSignatureAndNonce()
    {
        var text = $"""
            POST https://wbsapi.withings.net/v2/signature action=getnonce&client_id={ClientId}&timestamp=1594257200&signature={Signature}
            {"{"}"status":0,"body":{"{"}"nonce":"{Nonce}"{"}"}{"}"}
            notify?action=subscribe&client_id={ClientId}&nonce={Nonce}&signature={Signature}&callbackurl=https%3A%2F%2Fexample.org%2Fnotify
            """;

        var redacted = PasteRedactor.Redact(text);

        AssertNoSecret(redacted.Text);
        Assert.Contains("\"nonce\":\"<nonce>\"", redacted.Text);
        Assert.Contains("timestamp=1594257200&signature=<signature>", redacted.Text);
        Assert.Contains("&nonce=<nonce>&signature=<signature>&callbackurl=", redacted.Text);
    }

    [Fact]
    public void OAuth1QueryAndHeaderLoseTokenSignatureAndNonce()
    {
        var text = """
            GET https://wbsapi.withings.net/measure?action=getmeas&oauth_consumer_key=5a1b2c3d&oauth_nonce=1f2e3d4c5b6a&oauth_signature=wL5%2Fq8XyZ%3D&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1400000000&oauth_token=9f8e7d6c5b4a3921&oauth_version=1.0&userid=123
            Authorization: OAuth oauth_consumer_key="5a1b2c3d", oauth_token="9f8e7d6c5b4a3921", oauth_signature="wL5%2Fq8XyZ%3D", oauth_token_secret="77aa88bb99cc"
            {"status":342,"error":"The signature (using Oauth) is invalid"}
            """;

        var redacted = PasteRedactor.Redact(text);

        Assert.DoesNotContain("9f8e7d6c5b4a3921", redacted.Text);
        Assert.DoesNotContain("wL5%2Fq8XyZ", redacted.Text);
        Assert.DoesNotContain("1f2e3d4c5b6a", redacted.Text);
        Assert.DoesNotContain("77aa88bb99cc", redacted.Text);
        Assert.Contains("oauth_signature=<oauth_signature>&oauth_signature_method=HMAC-SHA1", redacted.Text);
        Assert.Contains("oauth_token=<oauth_token>&oauth_version=1.0&userid=123", redacted.Text);
        Assert.Contains("oauth_token_secret=\"<oauth_token_secret>\"", redacted.Text);
        Assert.Contains("oauth_consumer_key=5a1b2c3d", redacted.Text);
        Assert.Contains("The signature (using Oauth) is invalid", redacted.Text);
    }

    [Fact]
    public void EscapedJsonInsideALogStringLosesTheToken()
    {
        var text = $"level=error msg=\"token exchange failed\" body=\"{{\\\"access_token\\\":\\\"{AccessToken}\\\",\\\"userid\\\":123}}\"";

        var redacted = PasteRedactor.Redact(text);

        Assert.Contains("\\\"access_token\\\":\\\"<access_token>\\\",\\\"userid\\\":123", redacted.Text);
    }

    [Fact]
    public void JwtsAndBareWithingsTokensAreReplacedWherever()
    {
        var text = $"""
            id token eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U came back
            I copied {AccessToken} from the playground and it says invalid_token
            """;

        var redacted = PasteRedactor.Redact(text);

        Assert.Contains("id token <jwt> came back", redacted.Text);
        Assert.Contains("I copied <token> from the playground and it says invalid_token", redacted.Text);
    }

    [Fact]
    public void PasswordsInQueriesConnectionStringsAndUrlsAreReplaced()
    {
        var text = """
            login?username=jane&password=hunter2
            Server=sql.example;Database=Portal;User Id=portal;Password=P@ssw0rd!;TrustServerCertificate=True
            HTTPS_PROXY=http://jane:pa55word@proxy.example:8080
            {"email": "jane@example.org", "password": "correct horse battery staple"}
            """;

        var redacted = PasteRedactor.Redact(text);

        Assert.Contains("username=jane&password=<password>", redacted.Text);
        Assert.Contains("Password=<password>;TrustServerCertificate=True", redacted.Text);
        Assert.Contains("http://jane:<password>@proxy.example:8080", redacted.Text);
        Assert.Contains("\"password\": \"<password>\"", redacted.Text);
        Assert.Contains("jane@example.org", redacted.Text);
        Assert.Equal(4, redacted.Replaced["<password>"]);
    }

    [Fact]
    public void PrefixedNamesOfEnvironmentFilesAndSettingsLoseTheirValues()
    {
        var text = """
            docker-compose env:
              WITHINGS_CLIENT_ID=0a1b2c3d4e5f
              WITHINGS_CLIENT_SECRET=Zq8LeakedSecretValue77
              WITHINGS_REFRESH_TOKEN=Rt9LeakedRefreshValue55
            export WITHINGS_ACCESS_TOKEN="At3LeakedAccessValue11"
            withings_refresh_token: Rt4LeakedRefreshValue66
            GARMIN_PASSWORD=Hunter2xyz!
            WITHINGS_AUTH_CODE=Cd5LeakedCodeValue99
            withings-sync: {"status":503,"body":{},"error":"Invalid Params: invalid client id/secret"}
            """;

        var redacted = PasteRedactor.Redact(text);

        Assert.DoesNotContain("Leaked", redacted.Text);
        Assert.DoesNotContain("Hunter2xyz", redacted.Text);
        Assert.Contains("WITHINGS_CLIENT_ID=0a1b2c3d4e5f", redacted.Text);
        Assert.Contains("WITHINGS_CLIENT_SECRET=<client_secret>", redacted.Text);
        Assert.Contains("WITHINGS_REFRESH_TOKEN=<refresh_token>", redacted.Text);
        Assert.Contains("export WITHINGS_ACCESS_TOKEN=\"<access_token>\"", redacted.Text);
        Assert.Contains("withings_refresh_token: <refresh_token>", redacted.Text);
        Assert.Contains("GARMIN_PASSWORD=<password>", redacted.Text);
        Assert.Contains("WITHINGS_AUTH_CODE=<code>", redacted.Text);
        Assert.Contains("\"error\":\"Invalid Params: invalid client id/secret\"", redacted.Text);
    }

    [Theory]
    [InlineData("""{"status":503,"body":{},"error":"Invalid Params: invalid code"}""")]
    [InlineData("error_code=ERR4badrequest, status_code: 401, country_code=fr, response_code=abc123def")]
    [InlineData("AxiosError: Request failed with status code 502")]
    [InlineData("error code: 2554, status_code=601")]
    [InlineData("Error: connect ECONNREFUSED 1.2.3.4:443 { errno: -111, code: 'ECONNREFUSED', syscall: 'connect' }")]
    [InlineData("The Bearer token expired, so I use Basic auth now and the code: it expired again.")]
    [InlineData("{\"deviceid\": \"a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0\", \"hash_deviceid\": \"a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0\"}")]
    [InlineData("client_id=0ab1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1&userid=13742712&state=csrf42")]
    [InlineData("token = os.environ['WITHINGS_TOKEN']; client_secret: process.env.WITHINGS_SECRET; code=${CODE}; password: null")]
    [InlineData("if token == \"\": return; refresh_token_expires_in: 2592000")]
    public void TextWithoutSecretsIsLeftAlone(string text)
    {
        var redacted = PasteRedactor.Redact(text);

        Assert.Equal(text, redacted.Text);
        Assert.Equal(0, redacted.Count);
    }

    [Theory]
    [MemberData(nameof(DiagnosisCorpus.Ids), MemberType = typeof(DiagnosisCorpus))]
    public void RedactedCorpusPasteKeepsItsDiagnosis(string id)
    {
        var text = DiagnosisCorpus.Get(id).Text;
        var engine = new DiagnosisEngine(TopicFiles.Catalog);

        var redacted = PasteRedactor.Redact(text);

        Assert.Equal(
            engine.Diagnose(text).Diagnoses.Select(d => d.Topic).FirstOrDefault(),
            engine.Diagnose(redacted.Text).Diagnoses.Select(d => d.Topic).FirstOrDefault());
    }

    [Fact]
    public void RedactingTwiceChangesNothingMore()
    {
        var text = $"access_token={AccessToken}&code={Code}\nAuthorization: Bearer {AccessToken}\n{{\"nonce\":\"{Nonce}\"}}";
        var once = PasteRedactor.Redact(text).Text;

        var twice = PasteRedactor.Redact(once);

        Assert.Equal(once, twice.Text);
        Assert.Equal(0, twice.Count);
        Assert.Equal(["<access_token>", "<code>", "<nonce>"], twice.Placeholders);
    }

    [Fact]
    public void CraftedMegabyteOfOpenQuotesIsReadToTheEnd()
    {
        var text = string.Concat(Enumerable.Repeat("access_token:\"", 70_000)) + AccessToken;

        var redacted = PasteRedactor.Redact(text);

        Assert.DoesNotContain(AccessToken, redacted.Text);
    }

    private static void AssertNoSecret(string text)
    {
        foreach (var secret in new[] { AccessToken, RefreshToken, Code, ClientSecret, Signature, Nonce })
        {
            Assert.DoesNotContain(secret, text);
        }
    }
}
