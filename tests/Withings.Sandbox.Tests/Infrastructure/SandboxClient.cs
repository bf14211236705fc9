using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Withings.Sandbox.Data;

namespace Withings.Sandbox.Tests.Infrastructure;

/// <summary>Raw HTTP against the sandbox, the way an integrator's code talks to Withings.</summary>
public sealed partial class SandboxClient(HttpClient http, SandboxFactory factory)
{
    public const string AllScopes = "user.info,user.metrics,user.activity,user.sleepevents";

    public HttpClient Http => http;

    /// <summary>Posts the consent form ("Allow this app") and returns the code from the redirect to the callback.</summary>
    public async Task<string> AuthorizeAsync(int userId = SimulatedUsers.DemoUserId, string scopes = AllScopes,
        string clientId = SandboxFactory.DemoClientId, string redirectUri = SandboxFactory.DemoCallback)
    {
        var response = await ConsentAsync(new()
        {
            ["response_type"] = "code", ["client_id"] = clientId, ["scope"] = scopes, ["redirect_uri"] = redirectUri,
            ["state"] = "state-123", ["user"] = userId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["decision"] = "allow",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return CodePattern().Match(response.Headers.Location!.OriginalString).Groups[1].Value;
    }

    public Task<HttpResponseMessage> ConsentAsync(Dictionary<string, string> form) =>
        http.PostAsync("/account/oauth2_user/authorize2", new FormUrlEncodedContent(form));

    public Task<JsonElement> ExchangeAsync(string code, string redirectUri = SandboxFactory.DemoCallback,
        string clientId = SandboxFactory.DemoClientId, string secret = SandboxFactory.DemoSecret) =>
        PostAsync("/wbsapi/v2/oauth2", ("action", "requesttoken"), ("grant_type", "authorization_code"), ("client_id", clientId),
            ("client_secret", secret), ("code", code), ("redirect_uri", redirectUri));

    public Task<JsonElement> RefreshAsync(string refreshToken, string clientId = SandboxFactory.DemoClientId, string secret = SandboxFactory.DemoSecret) =>
        PostAsync("/wbsapi/v2/oauth2", ("action", "requesttoken"), ("grant_type", "refresh_token"), ("client_id", clientId),
            ("client_secret", secret), ("refresh_token", refreshToken));

    /// <summary>Authorize and exchange: a linked user's access and refresh tokens.</summary>
    public async Task<(string AccessToken, string RefreshToken)> LinkAsync(int userId = SimulatedUsers.DemoUserId, string scopes = AllScopes)
    {
        var body = (await ExchangeAsync(await AuthorizeAsync(userId, scopes))).GetProperty("body");
        return (body.GetProperty("access_token").GetString()!, body.GetProperty("refresh_token").GetString()!);
    }

    /// <summary>A form-encoded POST, optionally with a bearer token; the JSON answer (which must be HTTP 200).</summary>
    public async Task<JsonElement> PostAsync(string path, params (string Name, string Value)[] form) => await PostAsync(path, null, form);

    public async Task<JsonElement> PostAsync(string path, string? bearer, params (string Name, string Value)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Name, p.Value))),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }
        return await SendAsync(request);
    }

    public async Task<JsonElement> GetAsync(string pathAndQuery, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }
        return await SendAsync(request);
    }

    public async Task<JsonElement> SendAsync(HttpRequestMessage request)
    {
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public void Advance(TimeSpan by) => factory.Time.Advance(by);

    [GeneratedRegex("[?&]code=([0-9a-f]+)")]
    private static partial Regex CodePattern();
}

public static class JsonAssertions
{
    public static int Status(this JsonElement answer) => answer.GetProperty("status").GetInt32();

    public static string? Error(this JsonElement answer) => answer.TryGetProperty("error", out var e) ? e.GetString() : null;

    public static JsonElement Body(this JsonElement answer) => answer.GetProperty("body");

    /// <summary>Compares two JSON documents by value (property order ignored).</summary>
    public static void EqualJson(string expected, JsonElement actual) =>
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(expected).RootElement, actual), $"Expected {expected}\nbut got {actual.GetRawText()}");
}
