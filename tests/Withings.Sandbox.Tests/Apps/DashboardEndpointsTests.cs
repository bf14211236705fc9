using System.Net;
using System.Net.Http.Json;
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

    [Fact]
    public async Task ConfiguredAppsAreListedWithoutSecrets()
    {
        var list = await http.GetStringAsync("/dashboard/apps");

        Assert.Contains(SandboxFactory.PortalClientId, list);
        Assert.Contains("\"restricted_mode\":true", list);
        Assert.DoesNotContain(SandboxFactory.PortalSecret, list);
    }
}
