using System.Text.Json;

namespace Withings.Client.Tests.Data;

/// <summary>Every captured answer of a service the client calls is read into its typed body.</summary>
public class FixtureParsingTests
{
    public static TheoryData<string, string> Fixtures => new()
    {
        { "aiowithings__measurement.json", nameof(MeasureResponse) },
        { "withings4j__Measure_Measure-Getmeas.json", nameof(MeasureResponse) },
        { "api-evangelist__withings-measure-example.json", nameof(MeasureResponse) },
        { "aiowithings__activity.json", nameof(ActivityResponse) },
        { "withings4j__Measure_Measurev2-Getactivity.json", nameof(ActivityResponse) },
        { "api-evangelist__withings-activity-example.json", nameof(ActivityResponse) },
        { "withings4j__Measure_Measurev2-Getintradayactivity.json", nameof(IntradayResponse) },
        { "aiowithings__workouts.json", nameof(WorkoutsResponse) },
        { "withings4j__Measure_Measurev2-Getworkouts.json", nameof(WorkoutsResponse) },
        { "aiowithings__sleep.json", nameof(SleepResponse) },
        { "aiowithings__sleep_no_datafields.json", nameof(SleepResponse) },
        { "withings4j__Sleep_Sleepv2-Get.json", nameof(SleepResponse) },
        { "aiowithings__sleep_summary.json", nameof(SleepSummaryResponse) },
        { "aiowithings__sleep_summary_no_datafields.json", nameof(SleepSummaryResponse) },
        { "withings4j__Sleep_Sleepv2-Getsummary.json", nameof(SleepSummaryResponse) },
        { "api-evangelist__withings-sleep-summary-example.json", nameof(SleepSummaryResponse) },
        { "aiowithings__device.json", nameof(DevicesResponse) },
        { "aiowithings__new_device.json", nameof(DevicesResponse) },
        { "home-assistant__person0_get_device.json", nameof(DevicesResponse) },
        { "withings4j__User_Userv2-Getdevice.json", nameof(DevicesResponse) },
        { "aiowithings__goals.json", nameof(GoalsResponse) },
        { "aiowithings__goals_1.json", nameof(GoalsResponse) },
        { "aiowithings__goals_2.json", nameof(GoalsResponse) },
        { "aiowithings__no_goals.json", nameof(GoalsResponse) },
        { "withings4j__User_Userv2-Getgoals.json", nameof(GoalsResponse) },
        { "unknown-js-repo__heart_list_bpm_core.json", nameof(HeartListResponse) },
        { "withings4j__Heart_Heartv2-List.json", nameof(HeartListResponse) },
        { "withings4j__Heart_Heartv2-Get.json", nameof(HeartSignalResponse) },
        { "aiowithings__notify_list.json", nameof(NotifyListResponse) },
        { "withings4j__Notify_Notify-List.json", nameof(NotifyListResponse) },
        { "withings4j__Notify_Notify-Get.json", nameof(NotifySubscription) },
        { "aiowithings__notify_subscribe.json", nameof(EmptyBody) },
        { "aiowithings__notify_revoke.json", nameof(EmptyBody) },
        { "withings4j__Notify_Notify-Subscribe.json", nameof(EmptyBody) },
        { "withings4j__Notify_Notify-Revoke.json", nameof(EmptyBody) },
        { "withings4j__Notify_Notify-Update.json", nameof(EmptyBody) },
        { "withings4j__OAuth_OAuth20-Getyouraccesstoken.json", nameof(TokenResponse) },
        { "withings4j__OAuth_OAuth20-Refreshyouraccesstoken.json", nameof(TokenResponse) },
        { "api-evangelist__withings-oauth2-token-example.json", nameof(TokenResponse) },
        { "withings4j__Signature_Signaturev2-Getnonce.json", nameof(NonceResponse) },
    };

    private static readonly Dictionary<string, Func<string, object?>> Interpreters = new()
    {
        [nameof(MeasureResponse)] = Read<MeasureResponse>, [nameof(ActivityResponse)] = Read<ActivityResponse>,
        [nameof(IntradayResponse)] = Read<IntradayResponse>, [nameof(WorkoutsResponse)] = Read<WorkoutsResponse>,
        [nameof(SleepResponse)] = Read<SleepResponse>, [nameof(SleepSummaryResponse)] = Read<SleepSummaryResponse>,
        [nameof(DevicesResponse)] = Read<DevicesResponse>, [nameof(GoalsResponse)] = Read<GoalsResponse>,
        [nameof(HeartListResponse)] = Read<HeartListResponse>, [nameof(HeartSignalResponse)] = Read<HeartSignalResponse>,
        [nameof(NotifyListResponse)] = Read<NotifyListResponse>, [nameof(NotifySubscription)] = Read<NotifySubscription>,
        [nameof(EmptyBody)] = Read<EmptyBody>, [nameof(TokenResponse)] = Read<TokenResponse>, [nameof(NonceResponse)] = Read<NonceResponse>,
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void CapturedAnswerIsReadIntoItsTypedBody(string fixture, string type) =>
        Assert.NotNull(Interpreters[type](Envelope(fixture)));

    [Theory]
    [InlineData("aiowithings__measurement_list.json")]
    [InlineData("aiowithings__measurement_list_2.json")]
    [InlineData("aiowithings__measurement_positions.json")]
    public void BodyOnlyMeasureGroupListsAreRead(string fixture)
    {
        var groups = JsonSerializer.Deserialize<List<MeasureGroup>>(File.ReadAllText(Path.Combine("Fixtures", fixture)), WithingsClient.Json)!;

        Assert.NotEmpty(groups);
        Assert.All(groups, g => Assert.NotEmpty(g.Measures));
    }

    [Fact]
    public void HomeAssistantBodyOnlyNotifyListIsRead() =>
        Assert.Equal(3, JsonSerializer.Deserialize<NotifyListResponse>(File.ReadAllText("Fixtures/home-assistant__notify_list.json"), WithingsClient.Json)!.Profiles.Count);

    [Fact]
    public void MeasuresReadInRealUnits()
    {
        var body = (MeasureResponse)Read<MeasureResponse>(Envelope("aiowithings__measurement.json"))!;

        var weight = body.MeasureGroups[0].Measures[0];
        Assert.Equal(118.003m, weight.RealValue);
        Assert.Equal("Weight 118.003 kg", weight.Describe());
        Assert.Equal(5, body.MeasureGroups[0].ModelId);
    }

    [Fact]
    public void MoreReadsAsABooleanFromAnIntegerOrABoolean()
    {
        Assert.True(((MeasureResponse)Read<MeasureResponse>(Envelope("withings4j__Measure_Measure-Getmeas.json"))!).More);
        Assert.True(((SleepSummaryResponse)Read<SleepSummaryResponse>(Envelope("aiowithings__sleep_summary.json"))!).More);
    }

    [Fact]
    public void UseridReadsFromAStringOrANumber()
    {
        Assert.Equal("27718374", ((TokenResponse)Read<TokenResponse>(Envelope("withings4j__OAuth_OAuth20-Getyouraccesstoken.json"))!).UserId);
        Assert.Equal("362", ((TokenResponse)Read<TokenResponse>(Envelope("withings4j__OAuth_OAuth20-Refreshyouraccesstoken.json"))!).UserId);
    }

    [Fact]
    public void EmptyGoalsListReadsAsNoGoals() =>
        Assert.True(((GoalsResponse)Read<GoalsResponse>(Envelope("aiowithings__no_goals.json"))!).Goals.IsEmpty);

    /// <summary>The sandbox answers a day without samples this way, as the API does for empty goals (see above).</summary>
    [Fact]
    public void AnIntradaySeriesSentAsAnEmptyListReadsAsNoSamples()
    {
        var empty = (IntradayResponse)Read<IntradayResponse>("""{"status":0,"body":{"series":[]}}""")!;
        var refused = WithingsClient.Interpret<IntradayResponse>(true, 200, "OK", """{"status":0,"body":{"series":[1]}}""", Exchange);

        Assert.Empty(empty.Points);
        Assert.Equal(WithingsErrorKind.MalformedResponse, refused.Error!.Kind);
    }

    [Fact]
    public void SignalSentAsAStringHoldingAnArrayIsRead() =>
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], ((HeartSignalResponse)Read<HeartSignalResponse>(Envelope("withings4j__Heart_Heartv2-Get.json"))!).Signal);

    [Fact]
    public void SleepSamplesAreReadByTime()
    {
        var segment = ((SleepResponse)Read<SleepResponse>(Envelope("aiowithings__sleep.json"))!).Series[0];

        Assert.Equal(2, segment.Samples("hr").Count);
        Assert.Equal("awake", segment.StateName);
    }

    [Theory]
    [InlineData("observed-multi__token_invalid_code_503.json", 503, "Invalid params", "Invalid Params: invalid code")]
    [InlineData("observed-code-comment__token_invalid_client_secret_503.json", 503, "Invalid params", "Invalid Params: invalid client id/secret")]
    [InlineData("observed-multi__data_invalid_access_token_401.json", 401, "Authentication failed", "XRequestID: Not provided invalid_token: The access token provided is invalid")]
    [InlineData("reconstructed-MMM-withings-issue15__601_same_arguments.json", 601, "Too many request", "Same arguments in less than 10 seconds")]
    [InlineData("withings4j__OAuth_OAuth20-RefreshyouraccesstokenException.json", 503, "Invalid params", "Invalid Params: invalid refresh_token")]
    public void CapturedErrorsBecomeTypedErrors(string fixture, int status, string family, string error)
    {
        var result = WithingsClient.Interpret<TokenResponse>(true, 200, "OK", File.ReadAllText(Path.Combine("Fixtures", fixture)), Exchange);

        Assert.False(result.IsSuccess);
        Assert.Equal(WithingsErrorKind.ApiStatus, result.Error.Kind);
        Assert.Equal(status, result.Error.Status);
        Assert.Equal(family, result.Error.Family);
        Assert.Equal(error, result.Error.ErrorText);
    }

    [Theory]
    [InlineData("observed-issues__authorize_redirect_uri_mismatch.json")]
    [InlineData("observed-js-fixture__legacy_oauth2_token_endpoint_invalid_grant_type.json")]
    public void BodiesWithoutAStatusAreMalformedForTheClient(string fixture) =>
        Assert.Equal(WithingsErrorKind.MalformedResponse,
            WithingsClient.Interpret<TokenResponse>(true, 200, "OK", File.ReadAllText(Path.Combine("Fixtures", fixture)), Exchange).Error!.Kind);

    private static readonly HttpExchange Exchange = new("POST", "https://wbsapi.withings.net/v2/oauth2", [], null, 200, [], null, 0);

    private static string Envelope(string fixture)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine("Fixtures", fixture))).RootElement;
        return (root.TryGetProperty("summary", out _) ? root.GetProperty("value") : root).GetRawText();
    }

    private static object? Read<T>(string json)
    {
        var result = WithingsClient.Interpret<T>(true, 200, "OK", json, Exchange);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Body;
    }
}
