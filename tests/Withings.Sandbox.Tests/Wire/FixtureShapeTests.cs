using System.Globalization;
using System.Text.Json;
using Withings.Sandbox.Data;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Wire;

/// <summary>
/// Every captured answer of a simulated service, replayed against the sandbox with the same call: the sandbox's answer must
/// have the capture's field names and JSON types (e.g. <c>modelid</c> in getmeas but <c>model_id</c> in getdevice, <c>more</c>
/// an integer in getmeas but a boolean in the v2 services).
/// </summary>
public sealed class FixtureShapeTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string Window = "startdateymd=2026-02-01&enddateymd=2026-03-10";

    public static TheoryData<string, string, string> Cases => new()
    {
        // fixture, request (service?query; {access_token} is filled in), type differences allowed (comma list) with the reason in the README
        { "aiowithings__measurement.json", "measure?action=getmeas", "" },
        { "withings4j__Measure_Measure-Getmeas.json", "measure?action=getmeas", "" },
        { "api-evangelist__withings-measure-example.json", "measure?action=getmeas", "" },
        { "aiowithings__measurement_list.json", "measure?action=getmeas#body.measuregrps", "" },
        { "aiowithings__measurement_list_2.json", "measure?action=getmeas#body.measuregrps", "" },
        { "aiowithings__activity.json", $"v2/measure?action=getactivity&{Window}", "" },
        { "withings4j__Measure_Measurev2-Getactivity.json", $"v2/measure?action=getactivity&{Window}", "" },
        { "api-evangelist__withings-activity-example.json", $"v2/measure?action=getactivity&{Window}", "" },
        { "withings4j__Measure_Measurev2-Getintradayactivity.json", "v2/measure?action=getintradayactivity&data_fields=steps,elevation,calories,distance,stroke,pool_lap,duration,heart_rate,spo2_auto", "" },
        { "aiowithings__workouts.json", $"v2/measure?action=getworkouts&{Window}", "" },
        { "withings4j__Measure_Measurev2-Getworkouts.json", $"v2/measure?action=getworkouts&{Window}", "" },
        { "aiowithings__sleep.json", "v2/sleep?action=get&startdate={day_ago}&enddate={now}&data_fields=hr,rr,snoring", "" },
        { "aiowithings__sleep_no_datafields.json", "v2/sleep?action=get&startdate={day_ago}&enddate={now}", "" },
        { "withings4j__Sleep_Sleepv2-Get.json", "v2/sleep?action=get&startdate={day_ago}&enddate={now}&data_fields=hr,rr,snoring", "" },
        { "aiowithings__sleep_summary.json", $"v2/sleep?action=getsummary&startdateymd=2025-03-01&enddateymd=2026-03-10&data_fields={SummaryFieldsOf("aiowithings__sleep_summary.json")}", "" },
        { "aiowithings__sleep_summary_no_datafields.json", $"v2/sleep?action=getsummary&{Window}", "" },
        { "withings4j__Sleep_Sleepv2-Getsummary.json", $"v2/sleep?action=getsummary&{Window}&data_fields={SummaryFieldsOf("withings4j__Sleep_Sleepv2-Getsummary.json")}", "" },
        { "api-evangelist__withings-sleep-summary-example.json", $"v2/sleep?action=getsummary&{Window}&data_fields={SummaryFieldsOf("api-evangelist__withings-sleep-summary-example.json")}", "" },
        { "aiowithings__device.json", "v2/user?action=getdevice", "" },
        { "aiowithings__new_device.json", "v2/user?action=getdevice", "" },
        { "home-assistant__person0_get_device.json", "v2/user?action=getdevice", "" },
        { "withings4j__User_Userv2-Getdevice.json", "v2/user?action=getdevice", "" },
        { "aiowithings__goals.json", "v2/user?action=getgoals", "" },
        { "aiowithings__goals_1.json", "v2/user?action=getgoals", "" },
        { "aiowithings__goals_2.json", "v2/user?action=getgoals", "" },
        { "withings4j__User_Userv2-Getgoals.json", "v2/user?action=getgoals", "" },
        { "aiowithings__no_goals.json", "v2/user?action=getgoals&user=nodata", "" },
        { "unknown-js-repo__heart_list_bpm_core.json", "v2/heart?action=list", "" },
        { "withings4j__Heart_Heartv2-List.json", "v2/heart?action=list", "" },
        { "aiowithings__notify_list.json", "notify?action=list", "" },
        { "withings4j__Notify_Notify-List.json", "notify?action=list", "" },
        { "home-assistant__notify_list.json", "notify?action=list#body", "" },
        { "home-assistant__person0_notify_list.json", "notify?action=list&user=nodata#body", "" },
        { "withings4j__Notify_Notify-Get.json", "notify?action=get&callbackurl=https%3A%2F%2Fpartner.example%2Fnotify&appli=1", "" },
        { "aiowithings__notify_subscribe.json", "notify?action=subscribe&callbackurl=https%3A%2F%2Fpartner.example%2Fnotify2&appli=4", "" },
        { "withings4j__Notify_Notify-Subscribe.json", "notify?action=subscribe&callbackurl=https%3A%2F%2Fpartner.example%2Fnotify3&appli=16", "" },
        { "withings4j__Notify_Notify-Update.json", "notify?action=update&callbackurl=https%3A%2F%2Fpartner.example%2Fnotify&appli=1&comment=updated", "" },
        { "aiowithings__notify_revoke.json", "notify?action=revoke&callbackurl=https%3A%2F%2Fpartner.example%2Fnotify4&appli=44", "" },
        { "withings4j__Notify_Notify-Revoke.json", "notify?action=revoke&callbackurl=https%3A%2F%2Fpartner.example%2Fnotify5&appli=44", "" },
        { "withings4j__OAuth_OAuth20-Getyouraccesstoken.json", "token:code", "" },
        { "api-evangelist__withings-oauth2-token-example.json", "token:code", "" },
        // withings4j's refresh mock sends userid as an integer; the sandbox always sends a string (src/Withings.Sandbox/README.md, "Decisions where the sources are silent or disagree").
        { "withings4j__OAuth_OAuth20-Refreshyouraccesstoken.json", "token:refresh", "userid" },
        { "withings4j__Signature_Signaturev2-Getnonce.json", "token:nonce", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SandboxAnswerHasTheCapturedShape(string fixtureFile, string call, string allowedTypeDifferences)
    {
        var captured = Unwrap(JsonDocument.Parse(File.ReadAllText(Path.Combine("Fixtures", fixtureFile))).RootElement);
        var actual = await AnswerAsync(call);

        var differences = JsonShape.Differences(captured, actual,
            allowedTypeDifferences.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet());

        Assert.True(differences.Count == 0, $"{fixtureFile} vs {call}:\n" + string.Join('\n', differences));
    }

    [Fact]
    public void EveryFixtureOfASimulatedServiceIsCompared()
    {
        var compared = Cases.Select(c => (string)((ITheoryDataRow)c).GetData()[0]!).ToHashSet();
        // Not replayed: error bodies (compared value for value in the rule tests), withings4j's heart "get" mock (its signal
        // is a string holding the array; the API sends an array), and Body Scan positions (segmental data is not simulated).
        var notReplayed = new[] { "observed-", "reconstructed-", "withings4j__OAuth_OAuth20-GetyouraccesstokenException", "withings4j__OAuth_OAuth20-RefreshyouraccesstokenException",
            "withings4j__Heart_Heartv2-Get", "aiowithings__measurement_positions" };
        var missing = Directory.GetFiles("Fixtures", "*.json").Select(Path.GetFileName)
            .Where(f => !compared.Contains(f!) && !notReplayed.Any(f!.StartsWith)).ToList();

        Assert.Empty(missing);
    }

    private async Task<JsonElement> AnswerAsync(string call)
    {
        var client = fixture.Factory.CreateSandboxClient();
        var now = fixture.Factory.Time.GetUtcNow().ToUnixTimeSeconds();
        if (call.StartsWith("token:", StringComparison.Ordinal))
        {
            return call switch
            {
                "token:code" => await client.ExchangeAsync(await client.AuthorizeAsync()),
                "token:refresh" => await client.RefreshAsync((await client.LinkAsync()).RefreshToken),
                _ => await client.PostAsync("/wbsapi/v2/signature", ("action", "getnonce"), ("client_id", SandboxFactory.DemoClientId),
                    ("timestamp", now.ToString(CultureInfo.InvariantCulture)),
                    ("signature", Client.WithingsSignature.ForNonce(SandboxFactory.DemoSecret, SandboxFactory.DemoClientId, now))),
            };
        }

        var (request, select) = call.Split('#') is [var r, var s] ? (r, s) : (call, "");
        var user = request.Contains("&user=nodata", StringComparison.Ordinal) ? SimulatedUsers.NoDataUserId : SimulatedUsers.DemoUserId;
        var (access, _) = await client.LinkAsync(user);
        if (request.StartsWith("measure", StringComparison.Ordinal))
        {
            // A weight entered in the app, next to the device measures.
            await client.Http.PostAsync($"/simulate/users/{user}/weight?kg=71.3", null);
        }
        if (request.StartsWith("notify", StringComparison.Ordinal) && user == SimulatedUsers.DemoUserId)
        {
            await client.PostAsync("/wbsapi/notify", access, ("action", "subscribe"), ("callbackurl", "https://partner.example/notify"), ("appli", "1"), ("comment", "first"));
            await client.PostAsync("/wbsapi/notify", access, ("action", "subscribe"), ("callbackurl", "https://partner.example/notify4"), ("appli", "44"));
            await client.PostAsync("/wbsapi/notify", access, ("action", "subscribe"), ("callbackurl", "https://partner.example/notify5"), ("appli", "44"));
        }
        var path = "/wbsapi/" + request.Replace("&user=nodata", "", StringComparison.Ordinal)
            .Replace("{now}", now.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{day_ago}", (now - 86400).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var answer = await client.PostAsync(path, access);
        Assert.True(answer.Status() == 0, $"{path} answered {answer.GetRawText()}");
        foreach (var step in select.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            answer = answer.GetProperty(step);
        }
        return answer;
    }

    /// <summary>api-evangelist examples wrap the answer in {summary, description, value}.</summary>
    private static JsonElement Unwrap(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("value", out var value) && root.TryGetProperty("summary", out _) ? value : root;

    private static string SummaryFieldsOf(string fixtureFile)
    {
        var root = Unwrap(JsonDocument.Parse(File.ReadAllText(Path.Combine("Fixtures", fixtureFile))).RootElement);
        return string.Join(',', root.GetProperty("body").GetProperty("series")[0].GetProperty("data").EnumerateObject().Select(p => p.Name));
    }
}
