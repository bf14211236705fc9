using System.Net;
using Withings.Sandbox.Data;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Simulate;

/// <summary>The sample-data guide's loop: a user with no data does something, and the next call returns it.</summary>
public sealed class SimulateEndpointsTests : IDisposable
{
    private readonly SandboxFactory factory = new();
    private readonly SandboxClient client;

    public SimulateEndpointsTests() => client = factory.CreateSandboxClient();

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }

    private Task<HttpResponseMessage> Simulate(string action) =>
        client.Http.PostAsync($"/simulate/users/{SimulatedUsers.NoDataUserId}/{action}", null);

    [Fact]
    public async Task ManualWeightAppearsInGetmeasAsAManualEntry()
    {
        var (access, _) = await client.LinkAsync(SimulatedUsers.NoDataUserId);

        Assert.Equal(HttpStatusCode.OK, (await Simulate("weight?kg=68.25")).StatusCode);
        var group = (await client.PostAsync("/wbsapi/measure", access, ("action", "getmeas"))).Body().GetProperty("measuregrps")[0];

        Assert.Equal(2, group.GetProperty("attrib").GetInt32());
        Assert.Equal(68250, group.GetProperty("measures")[0].GetProperty("value").GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, group.GetProperty("deviceid").ValueKind);
    }

    [Fact]
    public async Task TrackerDayNightWorkoutAndBloodPressureFillTheirServices()
    {
        var (access, _) = await client.LinkAsync(SimulatedUsers.NoDataUserId);
        foreach (var action in new[] { "tracker-day", "night", "workout?category=2&minutes=30", "blood-pressure?systolic=125&diastolic=82&pulse=70" })
        {
            Assert.Equal(HttpStatusCode.OK, (await Simulate(action)).StatusCode);
        }

        var activity = await client.PostAsync("/wbsapi/v2/measure", access, ("action", "getactivity"), ("startdateymd", "2026-03-01"), ("enddateymd", "2026-03-10"));
        var workouts = await client.PostAsync("/wbsapi/v2/measure", access, ("action", "getworkouts"), ("startdateymd", "2026-03-01"), ("enddateymd", "2026-03-10"));
        var sleep = await client.PostAsync("/wbsapi/v2/sleep", access, ("action", "getsummary"), ("startdateymd", "2026-03-01"), ("enddateymd", "2026-03-10"));
        var heart = await client.PostAsync("/wbsapi/v2/heart", access, ("action", "list"));
        var devices = await client.PostAsync("/wbsapi/v2/user", access, ("action", "getdevice"));

        Assert.Equal(1, activity.Body().GetProperty("activities").GetArrayLength());
        Assert.Equal(2, workouts.Body().GetProperty("series")[0].GetProperty("category").GetInt32());
        Assert.Equal(1, sleep.Body().GetProperty("series").GetArrayLength());
        Assert.Equal(125, heart.Body().GetProperty("series")[0].GetProperty("bloodpressure").GetProperty("systole").GetInt32());
        Assert.Equal(3, devices.Body().GetProperty("devices").GetArrayLength());
    }

    /// <summary>
    /// Nights end between 06:30 and 07:30 (Paris); around then "Sleep a night" once recorded a night that the data calls,
    /// generating it again, placed after now. A weight first, so the night is not the user's first record.
    /// </summary>
    [Theory]
    [InlineData("05:00")]
    [InlineData("05:40")]
    [InlineData("06:05")]
    [InlineData("06:15")]
    [InlineData("06:25")]
    [InlineData("06:50")]
    [InlineData("08:00")]
    public async Task ASimulatedNightIsInTheLast24HoursOfSleepAtAnyTimeOfTheMorning(string utcTime)
    {
        var now = new DateTimeOffset(DateOnly.Parse("2026-03-11", System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(utcTime, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);
        factory.Time.SetUtcNow(now);
        var (access, _) = await client.LinkAsync(SimulatedUsers.NoDataUserId);
        Assert.Equal(HttpStatusCode.OK, (await Simulate("weight?kg=70")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Simulate("night")).StatusCode);
        var sleep = await client.PostAsync("/wbsapi/v2/sleep", access, ("action", "get"),
            ("startdate", now.AddHours(-24).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("enddate", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.NotEqual(0, sleep.Body().GetProperty("series").GetArrayLength());
    }

    [Fact]
    public async Task ImplausibleValuesAreRefusedInWords()
    {
        var response = await Simulate("weight?kg=900");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("between 2 and 400 kg", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownUserIsRefused()
    {
        var response = await client.Http.PostAsync("/simulate/users/1/night", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/simulate/users/38100002/weight?kg=abc", HttpStatusCode.BadRequest, "kg must be a number, such as 72.4.")]
    [InlineData("/simulate/users/abc/weight?kg=70", HttpStatusCode.BadRequest, "The user id in the address must be a whole number, such as 38100001.")]
    [InlineData("/simulate/users/38100002/workout?minutes=half&minutes=1", HttpStatusCode.BadRequest, "Give minutes once.")]
    [InlineData("/simulate/users/38100002/blood-pressure?systolic=high&pulse=6.5", HttpStatusCode.BadRequest, "systolic must be a whole number. pulse must be a whole number.")]
    [InlineData("/simulate/users/38100002/fly", HttpStatusCode.NotFound, "There is no simulated action \"fly\": POST one of weight, tracker-day, night, workout, blood-pressure.")]
    public async Task AnActionThatCannotBeReadIsToldWhyInTheSimulatorsShape(string address, HttpStatusCode status, string message)
    {
        var response = await client.Http.PostAsync(address, null);
        var answer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(status, response.StatusCode);
        Assert.False(answer.GetProperty("done").GetBoolean());
        Assert.Equal(message, answer.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnActionAskedWithGetIsToldItIsAPost()
    {
        var response = await client.Http.GetAsync($"/simulate/users/{SimulatedUsers.NoDataUserId}/night");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Contains("A simulated action is a POST", await response.Content.ReadAsStringAsync());
    }
}
