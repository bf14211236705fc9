using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Apps;

public sealed class DashboardEndpointsTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly HttpClient http = fixture.Factory.CreateClient();

    [Fact]
    public async Task CreatedAppShowsItsSecretOnceAndCanRunTheFlow()
    {
        var response = await http.PostAsJsonAsync("/dashboard/apps", new { name = "My app", callback_urls = "https://myapp.example/cb, https://myapp.example/cb2" });
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var clientId = created.GetProperty("client_id").GetString()!;
        var secret = created.GetProperty("client_secret").GetString()!;
        var list = await http.GetStringAsync("/dashboard/apps");
        var client = fixture.Factory.CreateSandboxClient();

        var code = await client.AuthorizeAsync(clientId: clientId, redirectUri: "https://myapp.example/cb2");
        var token = await client.ExchangeAsync(code, "https://myapp.example/cb2", clientId, secret);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches("^[0-9a-f]{64}$", clientId);
        Assert.Contains(clientId, list);
        Assert.DoesNotContain(secret, list);
        Assert.Equal(0, token.Status());
    }

    [Fact]
    public async Task InvalidCallbacksAreRefusedWithEveryReason()
    {
        var response = await http.PostAsJsonAsync("/dashboard/apps", new { name = "Bad", callback_urls = "http://localhost:8080/cb,https://10.0.0.2/cb,not a url" });
        var problems = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("problems")
            .EnumerateArray().Select(p => p.GetString()!).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problems, p => p.Contains("localhost is not allowed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Port 8080 is not allowed: Withings only calls ports 80 and 443.", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("10.0.0.2 is an IP address", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("This is not a valid URL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"name\":", "The body is not valid JSON (line 1, byte 9): send {\"name\"")]
    [InlineData("{\"name\":\"x\",\"callback_urls\":[\"https://a.example/cb\"]}", "\"callback_urls\" must be a JSON string (one URL, or several separated by commas as in the Withings dashboard), not an array.")]
    [InlineData("{\"name\":42,\"callback_urls\":\"https://a.example/cb\"}", "\"name\" must be a JSON string (the app's name), not a number.")]
    [InlineData("", "The body is empty: send {\"name\"")]
    [InlineData("[\"My app\"]", "The body must be a JSON object, not an array: send")]
    public async Task ARegistrationThatIsNotTheExpectedJsonIsToldWhatIsWrongInTheDashboardsShape(string body, string problem)
    {
        var response = await http.PostAsync("/dashboard/apps", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(problem, Assert.Single(await ProblemsAsync(response)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARegistrationSentAsAFormIsAskedForJson()
    {
        var response = await http.PostAsync("/dashboard/apps",
            new FormUrlEncodedContent([new("name", "x"), new("callback_urls", "https://a.example/cb")]));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.StartsWith("Send the app as JSON, with Content-Type: application/json:", Assert.Single(await ProblemsAsync(response)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARegistrationOverItsSizeIsRefusedWith413()
    {
        var response = await http.PostAsJsonAsync("/dashboard/apps", new { name = new string('x', 70_000), callback_urls = "https://a.example/cb" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.StartsWith("The body is over 64 KB", Assert.Single(await ProblemsAsync(response)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCreatedAppsLocationAnswersWithTheAppButNotItsSecret()
    {
        var response = await http.PostAsJsonAsync("/dashboard/apps", new { name = "Located", callback_urls = "https://located.example/cb" });
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var clientId = created.GetProperty("client_id").GetString()!;

        var app = await http.GetAsync(response.Headers.Location);
        var text = await app.Content.ReadAsStringAsync();

        Assert.Equal($"/dashboard/apps/{clientId}", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, app.StatusCode);
        Assert.Equal(clientId, JsonDocument.Parse(text).RootElement.GetProperty("client_id").GetString());
        Assert.Equal("Located", JsonDocument.Parse(text).RootElement.GetProperty("name").GetString());
        Assert.DoesNotContain(created.GetProperty("client_secret").GetString()!, text);
        Assert.DoesNotContain("secret", text);
    }

    [Fact]
    public async Task AnUnknownAppIsA404InTheDashboardsShape()
    {
        var response = await http.GetAsync("/dashboard/apps/no-such-client");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No sandbox app has this client id.", Assert.Single(await ProblemsAsync(response)));
    }

    [Theory]
    [InlineData("PUT", "/dashboard/apps", "GET, POST")]
    [InlineData("DELETE", "/dashboard/apps", "GET, POST")]
    [InlineData("DELETE", "/dashboard/apps/demo-client-id", "GET")]
    [InlineData("POST", "/dashboard/apps/demo-client-id", "GET")]
    public async Task AnotherMethodIsA405InTheDashboardsShapeWithItsAllowHeader(string method, string address, string allow)
    {
        var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), address));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.StartsWith($"{method} is not taken here: this address ", Assert.Single(await ProblemsAsync(response)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredAppsAreListedWithoutSecrets()
    {
        var list = await http.GetStringAsync("/dashboard/apps");

        Assert.Contains(SandboxFactory.PortalClientId, list);
        Assert.Contains("\"restricted_mode\":true", list);
        Assert.DoesNotContain(SandboxFactory.PortalSecret, list);
    }

    private static async Task<List<string>> ProblemsAsync(HttpResponseMessage response) =>
        [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!)];
}
