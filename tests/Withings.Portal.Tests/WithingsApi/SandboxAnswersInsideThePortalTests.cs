using System.Net;
using System.Text;
using System.Text.Json;
using Withings.Portal.Shell;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.WithingsApi;

/// <summary>
/// Under /sandbox the sandbox answers in its own shapes, never with the portal's HTML pages: a bare 400 used to be
/// re-executed as the not-found page and, for a POST, became "This page takes only its own form"; an unreadable form
/// became the portal's "Something went wrong" page with an Error in the log.
/// </summary>
public sealed class SandboxAnswersInsideThePortalTests(SandboxAnswersInsideThePortalTests.Portal fixture)
    : IClassFixture<SandboxAnswersInsideThePortalTests.Portal>
{
    /// <summary>The portal, with room for the refused registrations below (each takes a permit of the hourly limit).</summary>
    public sealed class Portal : IAsyncLifetime
    {
        public PortalFactory Factory { get; } = new() { Settings = { ["Sandbox:AppRegistrationsPerHour"] = "1000" } };

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            Factory.DeleteData();
        }
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("{\"name\":", "The body is not valid JSON")]
    [InlineData("{\"name\":\"x\",\"callback_urls\":[\"https://a.example/cb\"]}", "\"callback_urls\" must be a JSON string")]
    [InlineData("", "The body is empty")]
    public async Task ARegistrationThatIsNotTheExpectedJsonGetsTheDashboardsProblemsNotAPortalPage(string body, string problem)
    {
        var response = await Client().PostAsync("/sandbox/dashboard/apps", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(problem, (await Json(response)).GetProperty("problems")[0].GetString());
    }

    [Theory]
    [InlineData("/sandbox/simulate/users/38100002/weight?kg=abc", "kg must be a number")]
    [InlineData("/sandbox/simulate/users/abc/weight?kg=70", "The user id in the address must be a whole number")]
    public async Task ASimulatedActionThatCannotBeReadGetsTheSimulatorsAnswerNotAPortalPage(string address, string message)
    {
        var response = await Client().PostAsync(address, null, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await Json(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnUnreadableFormToTheTokenServiceIsAnsweredInWithingsEnvelopeWithoutAnErrorLog()
    {
        var errorsBefore = ErrorLines();
        using var broken = new ByteArrayContent("--xyz\r\nbroken"u8.ToArray()) { Headers = { { "Content-Type", "multipart/form-data; boundary=xyz" } } };

        var response = await Client().PostAsync("/sandbox/wbsapi/v2/oauth2", broken, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(503, (await Json(response)).GetProperty("status").GetInt32());
        Assert.Equal(errorsBefore, ErrorLines());
    }

    [Fact]
    public async Task AConsentPostThatIsNotAFormIsToldSoByTheSandboxWithoutAnErrorLog()
    {
        var errorsBefore = ErrorLines();

        var response = await Client().PostAsync("/sandbox/account/oauth2_user/authorize2", new StringContent("{}", Encoding.UTF8, "application/json"), Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Not a consent form", html);
        Assert.DoesNotContain(PagePostsNeedAForm.Message, html);
        Assert.Equal(errorsBefore, ErrorLines());
    }

    [Theory]
    [InlineData("GET", "/sandbox/no/such/page")]
    [InlineData("POST", "/sandbox/dashboard")]
    [InlineData("PUT", "/sandbox/wbsapi/measure")]
    public async Task AnAddressTheSandboxDoesNotTakeIsItsOwnJson404(string method, string address)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), address);
        request.Headers.Accept.ParseAdd("text/html");

        var response = await Client().SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith($"The sandbox has no {method} {address}. Its addresses: GET or POST /sandbox/account/oauth2_user/authorize2",
            (await Json(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARegisteredAppsLocationIsAnAbsolutePathThatAnswers()
    {
        var response = await Client().PostAsync("/sandbox/dashboard/apps",
            new StringContent("{\"name\":\"Located\",\"callback_urls\":\"https://located.example/cb\"}", Encoding.UTF8, "application/json"), Cancel);
        var clientId = (await Json(response)).GetProperty("client_id").GetString();

        var app = await Client().GetAsync(response.Headers.Location, Cancel);

        Assert.Equal($"/sandbox/dashboard/apps/{clientId}", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, app.StatusCode);
        Assert.Equal(clientId, (await Json(app)).GetProperty("client_id").GetString());
    }

    private HttpClient Client() => fixture.Factory.CreateClient();

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();

    private List<string> ErrorLines() =>
        [.. fixture.Factory.WarningsAndErrors.Lines.Where(line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal))];
}
