using Withings.Portal.Troubleshooting.Diagnosis;

namespace Withings.Portal.Tests.Troubleshooting.Diagnosis;

public class DiagnosisEngineTests
{
    private static readonly DiagnosisEngine Engine = new(TopicFiles.Catalog);

    private static List<string> Ranked(string text) => Engine.Diagnose(text).Diagnoses.Select(d => d.Topic).ToList();

    [Fact]
    public void Status503AtACodeExchangeIsAnInvalidCode()
    {
        var text = "withings: POST /v2/oauth2 grant_type=authorization_code answered status 503";

        Assert.Equal("invalid-code", Ranked(text)[0]);
    }

    [Fact]
    public void Status503AtARefreshIsAnInvalidRefreshToken()
    {
        var text = "withings: POST /v2/oauth2 grant_type=refresh_token answered status 503";

        Assert.Equal("invalid-refresh-token", Ranked(text)[0]);
    }

    [Fact]
    public void A503AfterALogLineRefreshingTheServicesTokenIsARefreshProblem()
    {
        var text = "2025-01-10 06:00:00 INFO Refreshing Withings token\n2025-01-10 06:00:01 ERROR Withings API error: status 503 Invalid Params";

        Assert.Equal("invalid-refresh-token", Engine.Diagnose(text).Diagnoses[0].Topic);
    }

    [Fact]
    public void AnInvalidParamsErrorWhileSubscribingTheWebhookIsTheCallbackUrl()
    {
        var text = "2024-02-01 DEBUG (MainThread) [homeassistant.components.withings] Subscribing webhook\n"
            + "2024-02-01 ERROR (MainThread) [homeassistant.components.withings] Error while subscribing webhook: WithingsInvalidParamsError";

        Assert.Equal("notification-callback", Engine.Diagnose(text).Diagnoses[0].Topic);
    }

    [Fact]
    public void Status503OnADataCallIsAParameterProblem()
    {
        var text = "curl -X POST https://wbsapi.withings.net/v2/sleep -H 'Authorization: Bearer t' -d action=get -d startdate=1714521600 -d enddate=1716336000\n{\"status\":503,\"body\":{}}";

        var ranked = Ranked(text);

        Assert.Equal("invalid-params-data-call", ranked[0]);
        Assert.DoesNotContain("invalid-code", ranked);
    }

    [Fact]
    public void Status293AtSubscribeIsTheNotificationCallback()
    {
        Assert.Equal("notification-callback", Ranked("withings notify action=subscribe callbackurl=https://x.example/hook -> status 293")[0]);
    }

    [Fact]
    public void Status293AtTheCodeExchangeIsTheRedirectUri()
    {
        var text = "withings requesttoken grant_type=authorization_code redirect_uri=https://other.example/cb -> {\"status\":293,\"body\":{}}";

        Assert.Equal("redirect-uri-mismatch", Ranked(text)[0]);
    }

    [Fact]
    public void Status601WithTheDuplicateTextIsRateLimited()
    {
        var ranked = Ranked("""{"status":601,"body":{"wait_seconds":3},"error":"Same arguments in less than 10 seconds"}""");

        Assert.Equal("rate-limited", ranked[0]);
    }

    [Fact]
    public void OldCodeInATimedLogMakesInvalidCodeStronger()
    {
        var bare = Engine.Diagnose("withings requesttoken status 503").Diagnoses.Single(d => d.Topic == "invalid-code");
        var timed = Engine.Diagnose("10:00:00 GET /cb?code=a&state=b\n10:00:45 withings requesttoken status 503").Diagnoses[0];

        Assert.Equal("invalid-code", timed.Topic);
        Assert.True(timed.Score > bare.Score);
        Assert.Contains("the code was exchanged 45 s after the redirect (codes live 30 s)", timed.Evidence);
    }

    [Fact]
    public void APhraseInPeoplesOwnWordsIsNotCalledAnErrorText()
    {
        var report = Engine.Diagnose("withings: the sleep data never shows up in our app although the weight measurements arrive fine");

        var evidence = report.Diagnoses.Concat(report.NearestIfWithings).SelectMany(d => d.Evidence).ToList();
        Assert.Contains(evidence, e => e.StartsWith("the text says “", StringComparison.Ordinal));
        Assert.DoesNotContain(evidence, e => e.StartsWith("error text matches “never", StringComparison.Ordinal));
    }

    [Fact]
    public void EvidenceIsReadable()
    {
        var diagnosis = Engine.Diagnose("""
            POST https://wbsapi.withings.net/v2/oauth2 action=requesttoken
            {"status":503,"body":{},"error":"Invalid Params: invalid code"}
            """).Diagnoses[0];

        Assert.Contains("error text matches “Invalid Params: invalid code”", diagnosis.Evidence);
        Assert.Contains("status 503 at the token endpoint", diagnosis.Evidence);
        Assert.InRange(diagnosis.Score, 0.9, 1.0);
    }

    [Fact]
    public void AuthorizeWithoutTheTwoSaysSo()
    {
        var diagnosis = Engine.Diagnose("https://account.withings.com/oauth2_user/authorize?response_type=code&client_id=a").Diagnoses[0];

        Assert.Equal("wrong-authorize-endpoint", diagnosis.Topic);
        Assert.Contains("authorize URL uses `oauth2_user/authorize`; the consent page is `oauth2_user/authorize2`", diagnosis.Evidence);
    }

    [Theory]
    [InlineData("{\"errors\":[{\"errorType\":\"invalid_grant\",\"message\":\"Refresh token invalid\"}],\"success\":false}")]
    [InlineData("Error 400: redirect_uri_mismatch (Google sign-in)")]
    [InlineData("HTTP/1.1 401 Unauthorized")]
    public void TextNotAboutWithingsGetsNoDiagnosis(string text)
    {
        var report = Engine.Diagnose(text);

        Assert.Equal(DiagnosisOutcome.NotWithings, report.Outcome);
        Assert.Empty(report.Diagnoses);
        Assert.Contains("Withings", report.Message);
    }

    [Fact]
    public void AWordingInsideALongerMatchedWordingIsNotGivenAsASecondReason()
    {
        var report = Engine.Diagnose("""{"status":401,"body":{},"error":"XRequestID: Not provided invalid_token: The access token provided is invalid"}""");

        var evidence = report.Diagnoses[0].Evidence;
        Assert.Equal("invalid-access-token", report.Diagnoses[0].Topic);
        var quoted = evidence.Select(e => System.Text.RegularExpressions.Regex.Match(e, "“(.+)”").Groups[1].Value).Where(q => q.Length > 0).ToList();
        Assert.DoesNotContain(quoted, q => quoted.Exists(other => other.Length > q.Length && other.Contains(q, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void PiecesOfAnAddressAreNotGivenAsSharedWords()
    {
        var report = Engine.Diagnose("https://account.withings.com/oauth2_user/authorize2?response_type=code&client_id=abc123&state=xyz&scope=user.metrics&redirect_uri=https://example.com/cb");

        Assert.All(report.Diagnoses.Where(d => d.FromSearch), d => Assert.DoesNotContain("“com”", string.Join(" ", d.Evidence)));
    }

    [Fact]
    public void ASuccessfulAnswerWithAnEmptyListIsStillTheEmptyResponseTopic()
    {
        Assert.Equal("empty-response", Ranked("""{"status":0,"body":{"updatetime":1700000000,"measuregrps":[]}}""")[0]);
    }

    [Theory]
    [InlineData("Invalid_request: The client ID was not specified in the request", "client-id-missing")]
    [InlineData("Client id not authorized", "client-id-not-authorized")]
    [InlineData("client_id not authorized", "client-id-not-authorized")]
    [InlineData("Invalid clientid", "client-id-not-authorized")]
    [InlineData("This is not a valid URL", "invalid-callback-url")]
    public void WithingsWordingAloneGetsItsTopic(string text, string topic)
    {
        Assert.Equal(topic, Ranked(text)[0]);
    }

    [Fact]
    public void AJsonTokenRequestAnswered2554PointsToTheFormBodyAsWellAsTheAction()
    {
        var text = """
            curl -X POST https://wbsapi.withings.net/v2/oauth2 -H 'Content-Type: application/json' -d '{"action":"requesttoken","grant_type":"authorization_code","client_id":"abc","client_secret":"xyz","code":"c0de","redirect_uri":"https://app.example/cb"}'
            {"status":2554,"body":{},"error":"Not implemented"}
            """;

        var first = Engine.Diagnose(text).Diagnoses[0];

        Assert.Equal("unknown-action", first.Topic);
        Assert.Contains(first.Evidence, e => e.Contains("JSON", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"status\":503,\"body\":{},\"error\":\"Invalid Params: invalid code\"}", "invalid-code")]
    [InlineData("{\"status\":503,\"body\":{},\"error\":\"Invalid Params: invalid refresh_token\"}", "invalid-refresh-token")]
    public void AnAnswerAboutTheGrantRulesOutAMissingClientIdAndBadCredentialsInTheLoggedRequest(string answer, string topic)
    {
        // People shorten the request line they paste (the portal asks them to leave secrets out); Withings' answer
        // about the code or the refresh token shows it had the client_id and accepted the client.
        var text = $$"""
            2025-01-01 12:00:45 DEBUG POST https://wbsapi.withings.net/v2/oauth2 action=requesttoken grant_type={{(topic == "invalid-code" ? "authorization_code" : "refresh_token")}}
            2025-01-01 12:00:45 ERROR {{answer}}
            """;

        var diagnoses = Engine.Diagnose(text).Diagnoses;

        Assert.Equal(topic, diagnoses[0].Topic);
        Assert.DoesNotContain(diagnoses, d => d.Topic == "client-id-missing" && d.Score >= DiagnosisLimits.MinScore);
        Assert.DoesNotContain(diagnoses, d => d.Topic == "invalid-client-credentials" && d.Score >= DiagnosisLimits.MinScore);
    }

    [Fact]
    public void Status503RightAfterTheRefreshStepIsAnInvalidRefreshTokenNotAServerError()
    {
        var text = """
            2025-05-19 12:00:03,450 - client - INFO - Get Access Token
            2025-05-19 12:00:03,900 - client - INFO - Refresh Access Token
            2025-05-19 12:00:04,023 - client - ERROR - Received error code: 503
            """;

        var ranked = Ranked(text);

        Assert.Equal("invalid-refresh-token", ranked[0]);
        Assert.DoesNotContain("server-error", ranked);
    }

    [Theory]
    [InlineData("We store the Withings refresh token, but after a while getting a new token with it fails: status 503.")]
    [InlineData("Withings: calling requesttoken with my refresh_token returns {\"status\":503,\"body\":{},\"error\":\"Invalid Params\"}")]
    [InlineData("Withings API returns 503 when I try to refresh the access token.")]
    [InlineData("refreshAccessToken failed: Withings error 503")]
    public void Status503AfterARefreshTokenNamedInProseIsAnInvalidRefreshToken(string text)
    {
        Assert.Equal("invalid-refresh-token", Ranked(text)[0]);
    }

    [Theory]
    [InlineData("fetch_token", "client-id-missing")]
    [InlineData("refresh_token(", "invalid-refresh-token")]
    public void AnOauthlibAnswerWithoutATokenIsReadAtTheStepThatGotIt(string step, string topic)
    {
        var text = $"""
            Traceback (most recent call last):
              File "/app/withings_client.py", line 40, in sync
                token = session.{step}(TOKEN_URL)
            oauthlib.oauth2.rfc6749.errors.MissingTokenError: (missing_token) Missing access token parameter.
            """;

        Assert.Equal(topic, Ranked(text)[0]);
    }

    [Fact]
    public void ARefreshTokenNamedInProseDoesNotMoveA401AwayFromTheAccessToken()
    {
        Assert.Equal("invalid-access-token", Ranked("Withings getmeas answers 401 invalid_token although I saved the new refresh token")[0]);
    }

    [Theory]
    [InlineData("The Withings webhook subscription failed: the timeout was raised while subscribing.")]
    [InlineData("java.net.SocketTimeoutException: Read timed out at WithingsClient.getMeasures")]
    [InlineData("Get \"https://wbsapi.withings.net/measure\": dial tcp: lookup wbsapi.withings.net: no such host")]
    public void TimeoutsAndConnectionFailuresOfOtherRuntimesAreNetworkErrors(string text)
    {
        Assert.Equal("network-error", Ranked(text)[0]);
    }

    [Theory]
    [InlineData("ERROR [homeassistant.helpers.config_entry_oauth2_flow] Timeout resolving OAuth token")]
    [InlineData("Unable to fetch measurements: ClientConnectorError: Cannot connect to host (Temporary failure in name resolution)")]
    public void AConnectionFailureThatNamesNoServiceIsANetworkErrorWhenItIsAboutWhatWithingsServes(string text)
    {
        var report = Engine.Diagnose(text);

        Assert.Equal("network-error", report.Diagnoses[0].Topic);
        Assert.Contains(report.Diagnoses[0].Evidence, e => e.Contains("no API is named", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("restx: Failed upload attempt 2: <urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed>")]
    [InlineData("File \"/config/custom_components/acme_cloud/api.py\", line 80\naiohttp.client_exceptions.ServerTimeoutError: Timeout while refreshing the OAuth token")]
    [InlineData("Logger: custom_components.acme_cloud.coordinator\nTimeoutError while fetching the access token")]
    public void AConnectionFailureAboutNothingWithingsServesOrNamingAnotherIntegrationIsNotDiagnosed(string text)
    {
        var report = Engine.Diagnose(text);

        Assert.Equal(DiagnosisOutcome.NotWithings, report.Outcome);
        Assert.Empty(report.Diagnoses);
    }

    [Fact]
    public void AWithingsToolsLogThatEndsInAnotherServicesFailureGetsNoDiagnosis()
    {
        var text = """
            2024-03-01 07:00:01 - withings - INFO - Get Measurements
            2024-03-01 07:00:02 - root - INFO - This Withings metric contains no weight data.  Not syncing...
            Traceback (most recent call last):
              File "/usr/lib/python3/site-packages/mytool/sync.py", line 90, in sync
                session = garmin.login(user, password)
              File "/usr/lib/python3/site-packages/mytool/garmin.py", line 40, in login
            """;

        Assert.Empty(Ranked(text));
    }

    [Fact]
    public void TheSameWithingsLineStillCountsWhenTheFailureIsWithings()
    {
        var text = """
            2024-03-01 07:00:01 - withings - INFO - Get Measurements
            2024-03-01 07:00:02 - root - INFO - This Withings metric contains no weight data.  Not syncing...
            2024-03-01 07:00:02 - root - INFO - Garmin upload skipped
            """;

        Assert.Equal("empty-response", Ranked(text)[0]);
    }

    [Fact]
    public void AConnectionFailureInAClientOfWithingsAndOtherServicesIsANetworkError()
    {
        var report = Engine.Diagnose("Sync error: Connection timed out while fetching the token.\nThe app links Withings, Strava and Polar Flow accounts.");

        Assert.Equal("network-error", report.Diagnoses[0].Topic);
        Assert.Contains(report.Diagnoses[0].Evidence, e => e.Contains("error names no API", StringComparison.Ordinal));
    }

    [Fact]
    public void AConnectionFailureToldOnAnotherServicesLineIsNotWithings()
    {
        Assert.Empty(Ranked("withings: measurements downloaded\nstrava upload failed: Connection timed out"));
    }

    [Fact]
    public void AnAnswerFromAnUnnamedServiceStillNeedsAWithingsMarker()
    {
        Assert.Empty(Ranked("OAuth token request failed: 429 Too Many Requests"));
    }

    [Fact]
    public void BodyStatusWithAnInvalidCodeWordingIsDiagnosedWithoutAnyName()
    {
        Assert.Equal("invalid-code", Ranked("status 503 invalid code")[0]);
    }

    [Fact]
    public void OnlyAnHttpLevelStatementIsAServerError()
    {
        Assert.DoesNotContain("server-error", Ranked("withings: error 503 when fetching measures"));
        Assert.Equal("server-error", Ranked("withings: 503 Server Error: Service Unavailable for url: https://wbsapi.withings.net/measure")[0]);
    }

    [Theory]
    [InlineData("withings: my sleep data never shows up", "empty-response")]
    [InlineData("the withings dashboard refuses my callback url: This is not a valid URL", "invalid-callback-url")]
    [InlineData("withings: it worked for months and now every refresh fails", "invalid-refresh-token")]
    public void ProseDescriptionsFindTheirTopic(string text, string topic)
    {
        Assert.Equal(topic, Ranked(text)[0]);
    }

    [Theory]
    [InlineData("Withings: the sync hangs forever on the token request and never returns, no error at all", "network-error")]
    [InlineData("Withings: the refresh works once, then the second refresh with the same refresh token fails", "invalid-refresh-token")]
    [InlineData("oauthlib.oauth2.rfc6749.errors.InvalidGrantError: (invalid_grant) refresh token invalid (withings)", "invalid-refresh-token")]
    [InlineData("withings action=requesttoken → invalid_request: client_id missing", "client-id-missing")]
    [InlineData("withings requesttoken answers status 503: the client secret is wrong (copied from my other app)", "invalid-client-credentials")]
    [InlineData("Withings authorize: \"Error: redirect_uri is not registered\" (registered https://example.com/cb, sent http://localhost:5000/cb)", "redirect-uri-mismatch")]
    [InlineData("Config entry 'Withings' for withings integration could not authenticate: Token not valid, re-authentication required", "invalid-refresh-token")]
    [InlineData("Error fetching withings data: Timeout on reading data from socket", "network-error")]
    [InlineData("Withings API is down, getting 500 errors since this morning", "server-error")]
    [InlineData("WITHINGS_CLIENT_ID is empty in my .env and the authorize page says the request is missing a client id", "client-id-missing")]
    [InlineData("Withings answers {\"status\":503,\"body\":{},\"error\":\"invalid_client: client id is not authorized\"}", "client-id-not-authorized")]
    [InlineData("withings-sync: Fetched 0 measurements from Withings since 2024-03-01", "empty-response")]
    [InlineData("Withings getactivity returns no activities for yesterday although the watch synced", "empty-response")]
    public void WordingsInPeoplesOwnWordsAreRulesNotSearchGuesses(string text, string topic)
    {
        var first = Engine.Diagnose(text).Diagnoses[0];

        Assert.Equal(topic, first.Topic);
        Assert.False(first.FromSearch);
    }

    [Theory]
    [InlineData("Saving my partner app with the callback https://home.example.de:8123/auth/external/callback fails: This is not a valid URL", "invalid-callback-url")]
    [InlineData("the token call returns invalid client id/secret although I copied both from the dashboard", "invalid-client-credentials")]
    [InlineData("heart list gives an insufficient scope error; we only asked for user.activity", "missing-scope")]
    public void WithingsOwnWordsAndScopeNamesNeedNoOtherMarker(string text, string topic)
    {
        var report = Engine.Diagnose(text);

        Assert.Equal(DiagnosisOutcome.Diagnosed, report.Outcome);
        Assert.Equal(topic, report.Diagnoses[0].Topic);
    }

    [Fact]
    public void AngularsStatusZeroUnknownErrorOnAWithingsCallIsCors()
    {
        const string console = "HttpErrorResponse {headers: HttpHeaders, status: 0, statusText: 'Unknown Error', url: 'https://wbsapi.withings.net/v2/measure', ok: false}";

        Assert.Equal("cors", Ranked(console)[0]);
    }

    [Fact]
    public void AJavaTlsHandshakeFailureIsANetworkError()
    {
        const string trace = """
            javax.net.ssl.SSLHandshakeException: PKIX path building failed: unable to find valid certification path to requested target
                at okhttp3.internal.connection.RealConnection.connectTls(RealConnection.kt:379)
            while calling https://wbsapi.withings.net/v2/measure
            """;

        Assert.Equal("network-error", Ranked(trace)[0]);
    }

    [Fact]
    public void AnAcceptedCallWithAnEmptyAnswerIsNotAnInvalidParamsError()
    {
        // meastype and startdate are parameters an invalid-params answer is often about; here Withings accepted them
        var report = Engine.Diagnose("""
            POST https://wbsapi.withings.net/measure action=getmeas&meastype=1&startdate=1709251200&enddate=1709337600
            {"status":0,"body":{"updatetime":1709337700,"timezone":"Europe/Paris","measuregrps":[],"more":0,"offset":0}}
            """);

        Assert.Equal("empty-response", report.Diagnoses[0].Topic);
        Assert.DoesNotContain(report.Diagnoses, d => d.Topic == "invalid-params-data-call");
    }

    [Theory]
    [InlineData("INFO [withings] Get Access Token\nERROR [withings] {\"status\":503,\"body\":{},\"error\":\"Invalid Params: invalid code\"}\nERROR [strava] refreshing token failed: 401", "invalid-code")]
    [InlineData("INFO [withings] Refresh Access Token\nERROR [withings] Received error code: 503\nERROR [garmin] Get Access Token failed: 401", "invalid-refresh-token")]
    [InlineData("WARNING [homeassistant.components.withings] Failed to subscribe to Withings webhook: {'status': 293, 'body': {}, 'error': 'Invalid Params'}\nERROR [homeassistant.components.fitbit] Fitbit token refresh failed", "notification-callback")]
    public void AnotherServicesLinesAfterTheWithingsErrorDoNotChooseItsStep(string log, string topic)
    {
        Assert.Equal(topic, Ranked(log)[0]);
    }

    [Fact]
    public void TheNotifyCategoryParameterTiesAWebhookTextToWithings()
    {
        var report = Engine.Diagnose("My webhook endpoint receives nothing: I subscribed appli=1 and got status 0 but no POST arrives when I weigh in");

        Assert.Equal("notification-callback", report.Diagnoses[0].Topic);
    }

    [Fact]
    public void ATimeoutToldInPlainWordsIsANetworkErrorNotASearchGuess()
    {
        var first = Engine.Diagnose("Error exchanging Withings code for tokens: after the login the callback runs into a timeout").Diagnoses[0];

        Assert.Equal("network-error", first.Topic);
        Assert.False(first.FromSearch);
    }

    [Fact]
    public void WithingsTextMatchingNoRuleGetsWeakerSuggestionsFromSearch()
    {
        var report = Engine.Diagnose("withings: which scope do I need for heart rate data from the watch?");

        Assert.Equal(DiagnosisOutcome.NoMatch, report.Outcome);
        Assert.NotEmpty(report.Diagnoses);
        Assert.All(report.Diagnoses, d => Assert.True(d.FromSearch && d.Score < DiagnosisLimits.MinScore));
        Assert.Contains("weaker", report.Message);
    }

    [Fact]
    public void AWeakPartialClueLeavesRoomForTheTopicsCloseInWording()
    {
        var report = Engine.Diagnose("withings: since the upgrade the client sends startdate and enddate as today by default, so the measurement groups of last week never come");

        Assert.Equal(DiagnosisOutcome.NoMatch, report.Outcome);
        Assert.Equal("invalid-params-data-call", report.Diagnoses[0].Topic);
        Assert.True(report.Diagnoses.Count > 1);
        Assert.All(report.Diagnoses, d => Assert.True(d.FromSearch && d.Score < DiagnosisLimits.MinScore));
    }

    [Fact]
    public void BodyStatusFromALogThatNamesNoStepGetsItsTopicsAsWeakerSuggestions()
    {
        var report = Engine.Diagnose("withings - ERROR - Received error code: 503");

        Assert.Equal(DiagnosisOutcome.NoMatch, report.Outcome);
        Assert.Contains("invalid-code", report.Diagnoses.Select(d => d.Topic));
        Assert.All(report.Diagnoses, d => Assert.True(d.FromSearch && d.Score < DiagnosisLimits.MinScore));
        Assert.Contains("status 503", report.Diagnoses[0].Evidence[0]);
    }

    [Theory]
    [InlineData("Unexpected error fetching Withings measurements data: Error code 503", "invalid-params-data-call")]
    [InlineData("Invalid token: {'status': 503, 'error': 'Invalid Params'}\nLogger: homeassistant.helpers.config_entry_oauth2_flow", "invalid-code")]
    public void HomeAssistantLogLinesNameTheFailingCall(string text, string topic)
    {
        Assert.Equal(topic, Ranked(text)[0]);
    }

    [Theory]
    [InlineData("my withings token now fails to refresh about once a day", "invalid-refresh-token")]
    [InlineData("withings: the integration never refreshed the token, so it expires every 3 hours", "invalid-access-token")]
    [InlineData("withings: the in-bed sensor is missing", "notification-callback")]
    [InlineData("withings api times out from my server", "network-error")]
    [InlineData("withings-oauth:account1.tokensecret=abc Authorization failed", "oauth1-deprecated")]
    public void PeoplesOwnWordsFindTheirTopic(string text, string topic)
    {
        Assert.Equal(topic, Ranked(text)[0]);
    }

    [Fact]
    public void CloudflareAnswerWithoutAWithingsMarkerGetsNoDiagnosis()
    {
        var report = Engine.Diagnose("{\"title\":\"Error 522: Connection timed out\",\"status\":522,\"cloudflare_error\":true}");

        Assert.Equal(DiagnosisOutcome.NotWithings, report.Outcome);
    }

    [Fact]
    public void TextPointingToAnotherApiHostGetsNoDiagnosis()
    {
        var report = Engine.Diagnose("requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='api.weather.example.net', port=443): Read timed out.");

        Assert.Equal(DiagnosisOutcome.NotWithings, report.Outcome);
    }

    [Fact]
    public void WithingsTextThatNamesAnotherApiNeedsWithingsEvidence()
    {
        var report = Engine.Diagnose("withings-sync: uploading to Garmin Connect failed: 401 Client Error: Unauthorized (invalid_token)");

        Assert.Empty(report.Diagnoses);
    }

    [Fact]
    public void MixedLogStillDiagnosesItsWithingsLine()
    {
        var text = """
            2024-02-01 06:00:12 withings-sync INFO Uploading to Garmin Connect
            requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='wbsapi.withings.net', port=443): Read timed out.
            """;

        Assert.Equal("network-error", Ranked(text)[0]);
    }

    [Fact]
    public void HttpLikeCodeInProseCountsOnlyAfterAStatusWord()
    {
        Assert.Equal("invalid-access-token", Ranked("withings api returns 401")[0]);
        Assert.All(Engine.Diagnose("withings: user 401 has two scales").Diagnoses, d => Assert.True(d.FromSearch));
    }

    [Fact]
    public void AWordingSuggestionNamesOnlyTheTellingWordsItShares()
    {
        var report = Engine.Diagnose("Withings: during the night the sync has received nothing since the pairing of the Nokia Health userid");

        var fromWording = report.Diagnoses.Where(d => d.Evidence[0].StartsWith("no rule matched", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fromWording);
        Assert.All(fromWording, d =>
        {
            Assert.DoesNotContain("“withings”", d.Evidence[0]);
            Assert.DoesNotContain("“has”", d.Evidence[0]);
        });
    }

    [Fact]
    public void WithingsTextWithoutAnyKnownProblemSaysSo()
    {
        var report = Engine.Diagnose("How do I transfer ownership of my Withings partner app to a colleague?");

        Assert.Equal(DiagnosisOutcome.NoMatch, report.Outcome);
        Assert.Empty(report.Diagnoses);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void EmptyTextIsRefused(string? text)
    {
        Assert.Equal(DiagnosisOutcome.Empty, Engine.Diagnose(text).Outcome);
    }

    [Fact]
    public void TextOverTheLimitIsRefusedNotTruncated()
    {
        var text = "withings status 601 " + new string('é', DiagnosisLimits.MaxInputBytes / 2);

        var report = Engine.Diagnose(text);

        Assert.Equal(DiagnosisOutcome.TooLarge, report.Outcome);
        Assert.Contains("1024 KB", report.Message);
    }

    [Fact]
    public void OneMegabyteOfLogsIsStillDiagnosed()
    {
        var noise = string.Concat(Enumerable.Repeat("2024-05-02 10:15:03,120 withings DEBUG poll ok {\"status\":0,\"body\":{\"more\":false}}\n", 16_000));
        var text = (noise + "{\"status\":601,\"body\":{},\"error\":\"Same arguments in less than 10 seconds\"}")[^(DiagnosisLimits.MaxInputBytes - 100)..];

        Assert.Equal("rate-limited", Ranked(text)[0]);
    }

    [Fact]
    public void CraftedMegabyteInputIsStillAnswered()
    {
        var piece = "curl -H x \\\n status 7 invalid invalid_ Invalid Params withings http:// \"status\": 601 \n";
        var text = string.Concat(Enumerable.Repeat(piece, DiagnosisLimits.MaxInputBytes / piece.Length - 1));

        var report = Engine.Diagnose(text);

        Assert.Equal(DiagnosisOutcome.Diagnosed, report.Outcome);
        Assert.Contains(report.Diagnoses, d => d.Topic == "rate-limited");
        Assert.True(report.Signals!.Statuses.Count <= ExtractedSignals.MaxStatuses);
    }

    [Fact]
    public void ScoresAreBetweenZeroAndOneBestFirst()
    {
        var diagnoses = Engine.Diagnose("withings action=requesttoken answered status 503").Diagnoses;

        Assert.NotEmpty(diagnoses);
        Assert.All(diagnoses, d => Assert.InRange(d.Score, DiagnosisLimits.MinScore, 1.0));
        Assert.Equal(diagnoses.OrderByDescending(d => d.Score).Select(d => d.Topic), diagnoses.Select(d => d.Topic));
        Assert.All(diagnoses, d => Assert.Equal($"/troubleshoot/{d.Topic}", d.Url));
    }

    [Fact]
    public void PrefillCarriesTheValuesForTheSteps()
    {
        var report = Engine.Diagnose("curl -X POST https://wbsapi.withings.net/v2/oauth2 -d action=requesttoken -d grant_type=authorization_code\n{\"status\":503,\"body\":{},\"error\":\"Invalid Params: invalid code\"}");

        Assert.Equal("503", report.Prefill["status"]);
        Assert.Equal("token", report.Prefill["endpoint"]);
        Assert.Equal("body", report.Prefill["params"]);
    }

    [Theory]
    [InlineData("The sleep data never shows up in our app although the weight measurements arrive fine.", "empty-response")]
    [InlineData("Every night our sync job fails when it refreshes the token: invalid_grant. It worked for months.", "invalid-refresh-token")]
    [InlineData("Our webhook never receives any notification after the user weighs in.", "notification-callback")]
    [InlineData("invalid_token: The access token provided is invalid", "invalid-access-token")]
    [InlineData("redirect_uri_mismatch", "redirect-uri-mismatch")]
    public void ATextNamingNoApiGetsNoDiagnosisButItsNearestTopicsIfItIsWithings(string text, string nearest)
    {
        var report = Engine.Diagnose(text);

        Assert.Equal(DiagnosisOutcome.NotWithings, report.Outcome);
        Assert.Empty(report.Diagnoses);
        Assert.Equal(nearest, report.NearestIfWithings[0].Topic);
        Assert.InRange(report.NearestIfWithings.Count, 1, DiagnosisLimits.MaxPartialSuggestions);
        Assert.All(report.NearestIfWithings, d => Assert.True(d.FromSearch));
    }

    [Theory]
    [InlineData("Strava API returned 401 Authorization Error: invalid access token")]
    [InlineData("hello, how are you today")]
    public void ATextAboutAnotherServiceOrNoErrorGetsNoNearestTopics(string text)
    {
        var report = Engine.Diagnose(text);

        Assert.Equal(DiagnosisOutcome.NotWithings, report.Outcome);
        Assert.Empty(report.NearestIfWithings);
    }

    [Theory]
    [InlineData("""{"status":601,"body":{},"error":"Too many request"}""")]
    [InlineData("""{'body': {}, 'status': 601, 'error': 'Too many request'}""")]
    public void ALogOfSuccessfulCallsEndingInAnErrorsEmptyBodyIsAboutTheErrorNotAnEmptyResult(string answer)
    {
        var log = string.Concat(Enumerable.Repeat("2026-12-07T00:00:00Z INFO polling withings measure getmeas ok status 0\n", 200)) + answer;

        var report = Engine.Diagnose(log);

        Assert.Equal("rate-limited", report.Diagnoses[0].Topic);
        Assert.DoesNotContain(report.Diagnoses, d => d.Topic == "empty-response");
    }

    [Fact]
    public void AnEmptyBodyBesideStatusZeroIsStillAnEmptyResult()
    {
        var report = Engine.Diagnose("""withings getmeas answered {"status":0,"body":{}} for last week""");

        Assert.Contains(report.Diagnoses.Take(3), d => d.Topic == "empty-response");
    }

    [Fact]
    public void AnotherServiceIsNamedAsItsMakerWritesIt()
    {
        var report = Engine.Diagnose("Strava API returned 401 Authorization Error, and Garmin sync failed too");

        Assert.StartsWith("This text is about Garmin, Strava", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryOtherServiceMarkerThatIsNotAHostHasADisplayName()
    {
        var unnamed = WithingsMarkers.OtherVendors.Where(v => !v.Contains('.') && !v.Contains('/') && !WithingsMarkers.VendorNames.ContainsKey(v));

        Assert.Empty(unnamed);
    }

    [Theory]
    [InlineData("Saving my Withings app keeps failing: the dashboard sends a HEAD request to the redirect URI and my server only answers GET with 200.", "invalid-callback-url")]
    [InlineData("Withings notify subscribe: our webhook endpoint never gets the HEAD request Withings is supposed to send to the callbackurl.", "notification-callback")]
    public void AHeadCheckIsAboutTheTopicOfTheAddressItChecks(string text, string topic)
    {
        // Withings checks an address with HEAD in two places: the app's redirect URI when the app is saved, and the
        // notification callbackurl when a subscription is made. The address named decides which.
        var diagnoses = Engine.Diagnose(text).Diagnoses;

        Assert.Equal(topic, diagnoses[0].Topic);
    }
}
