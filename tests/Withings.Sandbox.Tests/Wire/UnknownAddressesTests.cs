using System.Net;
using System.Text.Json;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Wire;

/// <summary>An address or method the sandbox does not take is answered by the sandbox, in JSON, with the addresses it has.</summary>
public sealed class UnknownAddressesTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("GET", "/nothing/here")]
    [InlineData("PUT", "/wbsapi/measure")]
    [InlineData("DELETE", "/account/oauth2_user/authorize2")]
    [InlineData("POST", "/simulate/users/38100001")]
    public async Task AnAddressTheSandboxDoesNotTakeIsA404ListingItsAddresses(string method, string address)
    {
        var response = await fixture.Factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), address));
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith($"The sandbox has no {method} {address}. Its addresses: GET or POST /account/oauth2_user/authorize2, ", message, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }
}
