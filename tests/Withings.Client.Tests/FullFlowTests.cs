using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Withings.Client.Tests.Infrastructure;
using Withings.Sandbox.Notify;

namespace Withings.Client.Tests;

/// <summary>
/// Issue 4's "done when": over real HTTP on a loopback port, authorize (consent form post) → callback with code → token →
/// refresh → every data endpoint returns data for the demo user. The sandbox is mounted under /sandbox exactly as the portal
/// mounts it; the client only changes its two base URLs.
/// </summary>
public sealed partial class FullFlowTests : IAsyncLifetime
{
    private const string Callback = "https://partner.example/withings/callback";
    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("client-flow-");
    private WebApplication sandbox = null!;
    private ServiceProvider services = null!;
    private string baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["Sandbox:DemoApp:ClientId"] = "flow-client";
        builder.Configuration["Sandbox:DemoApp:ClientSecret"] = "flow-secret";
        builder.Configuration["Sandbox:DemoApp:CallbackUrl"] = Callback;
        builder.Configuration["ConnectionStrings:Sandbox"] = $"Data Source={Path.Combine(data.FullName, "sandbox.db")}";
        builder.AddWithingsSandbox();
        // The partner's notification endpoint answers Withings' HEAD check.
        builder.Services.AddHttpClient(CallbackChecker.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)));
        sandbox = builder.Build();
        sandbox.MapWithingsSandbox("/sandbox");
        await sandbox.StartAsync(TestContext.Current.CancellationToken);
        baseUrl = sandbox.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/sandbox";

        var collection = new ServiceCollection();
        collection.AddWithingsClient(o =>
        {
            o.AccountBaseUrl = baseUrl + "/account";
            o.ApiBaseUrl = baseUrl + "/wbsapi";
            o.ClientId = "flow-client";
            o.ClientSecret = "flow-secret";
            o.CallbackUrl = Callback;
        });
        services = collection.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await sandbox.StopAsync();
        await sandbox.DisposeAsync();
        SqliteConnection.ClearAllPools();
        data.Delete(recursive: true);
    }

    [Fact]
    public async Task AuthorizeExchangeRefreshAndEveryDataEndpointReturnDataForTheDemoUser()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = services.GetRequiredService<WithingsClient>();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        // The browser opens authorize2, gets the consent form, and submits it as it is ("Allow this app", demo user checked).
        var authorizeUrl = client.BuildAuthorizeUrl(WithingsScopes.All, "csrf-state-42");
        Assert.StartsWith("http://127.0.0.1:", authorizeUrl.ToString());
        var page = await browser.GetStringAsync(authorizeUrl, ct);
        var form = HiddenField().Matches(page).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        form["user"] = CheckedUser().Match(page).Groups[1].Value;
        form["decision"] = "allow";
        var consent = await browser.PostAsync(authorizeUrl, new FormUrlEncodedContent(form), ct);

        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var callback = consent.Headers.Location!.OriginalString;
        Assert.StartsWith(Callback + "?code=", callback);
        Assert.EndsWith("&state=csrf-state-42", callback);
        var code = Regex.Match(callback, "code=([0-9a-f]+)").Groups[1].Value;

        var token = await client.ExchangeCodeAsync(code, cancellationToken: ct);
        Assert.True(token.IsSuccess, token.Error?.Message);
        Assert.Equal("38100001", token.Body.UserId);
        Assert.DoesNotContain(token.Body.AccessToken, token.Exchange.ResponseBody);

        var refreshed = await client.RefreshAsync(token.Body.RefreshToken, cancellationToken: ct);
        Assert.True(refreshed.IsSuccess, refreshed.Error?.Message);
        Assert.NotEqual(token.Body.RefreshToken, refreshed.Body.RefreshToken);
        var access = refreshed.Body.AccessToken;

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var month = new DayRangeQuery(today.AddDays(-30), today);
        var now = DateTimeOffset.UtcNow;

        var measures = await client.GetMeasuresAsync(access, cancellationToken: ct);
        Assert.NotEmpty(Ok(measures).MeasureGroups);
        Assert.Contains(measures.Body!.MeasureGroups.SelectMany(g => g.Measures), m => m.Kind?.Name == "Weight" && m.RealValue is > 50 and < 100);
        Assert.NotEmpty(Ok(await client.GetActivityAsync(access, month, ct)).Activities);
        Assert.NotEmpty(Ok(await client.GetIntradayActivityAsync(access, cancellationToken: ct)).Series);
        Assert.NotEmpty(Ok(await client.GetWorkoutsAsync(access, month, ct)).Series);
        Assert.NotEmpty(Ok(await client.GetSleepAsync(access, now.AddDays(-1), now, ["hr", "rr"], ct)).Series);
        Assert.NotEmpty(Ok(await client.GetSleepSummaryAsync(access, month, ct)).Series);
        Assert.Equal(4, Ok(await client.GetDevicesAsync(access, ct)).Devices.Count);
        Assert.False(Ok(await client.GetGoalsAsync(access, ct)).Goals.IsEmpty);
        var heart = Ok(await client.ListHeartAsync(access, cancellationToken: ct));
        Assert.NotEmpty(heart.Series);
        Assert.Equal(10000, Ok(await client.GetHeartSignalAsync(access, heart.Series[0].Ecg!.SignalId, ct)).Signal.Count);

        const string hook = "https://partner.example/withings/notify";
        Ok(await client.SubscribeAsync(access, hook, NotifyAppli.Weight, "weights", ct));
        Assert.Equal("weights", Ok(await client.GetSubscriptionAsync(access, hook, NotifyAppli.Weight, ct)).Comment);
        Ok(await client.UpdateSubscriptionAsync(access, hook, NotifyAppli.Weight, comment: "all weights", cancellationToken: ct));
        Assert.Single(Ok(await client.ListSubscriptionsAsync(access, cancellationToken: ct)).Profiles);
        Ok(await client.RevokeSubscriptionAsync(access, hook, NotifyAppli.Weight, ct));
        Assert.Empty(Ok(await client.ListSubscriptionsAsync(access, cancellationToken: ct)).Profiles);
    }

    [Fact]
    public async Task SignedVariantWorksAgainstTheSandbox()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = services.GetRequiredService<WithingsClient>();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = await browser.PostAsync(client.BuildAuthorizeUrl([WithingsScopes.Metrics], "s", demo: true), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["response_type"] = "code", ["client_id"] = "flow-client", ["scope"] = "user.metrics", ["redirect_uri"] = Callback,
            ["state"] = "s", ["mode"] = "demo", ["decision"] = "allow",
        }), ct);
        var code = Regex.Match(consent.Headers.Location!.OriginalString, "code=([0-9a-f]+)").Groups[1].Value;

        var nonce = Ok(await client.GetNonceAsync(cancellationToken: ct)).Nonce;
        var token = await client.ExchangeCodeSignedAsync(code, nonce, cancellationToken: ct);

        Assert.True(token.IsSuccess, token.Error?.Message);
        Assert.Contains("signature=<signature>", token.Exchange.RequestBody);
    }

    [Fact]
    public async Task TimeoutFaultIsATypedTimeout()
    {
        var collection = new ServiceCollection();
        collection.AddWithingsClient(o =>
        {
            o.ApiBaseUrl = baseUrl + "/wbsapi";
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.Timeout = TimeSpan.FromMilliseconds(500);
            o.DataReadRetries = 0;
        }).ConfigureHttpClient(http => http.DefaultRequestHeaders.Add("X-Sandbox-Fault", "timeout"));
        await using var provider = collection.BuildServiceProvider();

        var result = await provider.GetRequiredService<WithingsClient>().GetDevicesAsync("tok", TestContext.Current.CancellationToken);

        Assert.Equal(WithingsErrorKind.Timeout, result.Error!.Kind);
    }

    private static T Ok<T>(WithingsResult<T> result)
    {
        Assert.True(result.IsSuccess, $"{result.Exchange.Url}: {result.Error?.Message}");
        return result.Body!;
    }

    // Void elements end with ">" or " />" (the page is rendered from Razor components, which write the latter).
    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\" ?/?>")]
    private static partial Regex HiddenField();

    [GeneratedRegex("name=\"user\" id=\"[^\"]+\" value=\"(\\d+)\" checked")]
    private static partial Regex CheckedUser();
}
