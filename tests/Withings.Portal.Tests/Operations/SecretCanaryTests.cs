using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Withings.Portal.Operations;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Tests.Support;
using Withings.Portal.Troubleshooting.Cases;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Operations;

/// <summary>
/// The canary secrets through every flow that takes one (the diagnosis API, a saved case, reproduce runs with the
/// portal's sandbox app, the sandbox's token, signature and data calls, feedback, search and the support sign-in), then every log line of
/// the run at every level, every response and the database files are searched: nothing may hold one in clear.
/// </summary>
public class SecretCanaryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoCanarySecretReachesLogsPagesOrTheDatabase()
    {
        await using var portal = new CanaryPortal();
        var client = portal.CreateRecordingClient();

        await client.PostAsJsonAsync("/api/diagnose", new { text = SecretCanaries.Paste }, Cancel);

        var saved = await portal.Services.GetRequiredService<CaseService>()
            .CreateAsync(new NewCase(SecretCanaries.Paste, [], null), Cancel);
        await client.GetAsync(saved.Route, Cancel);

        foreach (var topic in new[] { "invalid-code", "invalid-client-credentials", "rate-limited", "invalid-signature", "invalid-token" })
        {
            await client.GetAsync($"/troubleshoot/{topic}/reproduce", Cancel);
        }

        await client.PostAsync("/sandbox/wbsapi/v2/oauth2", Form(("action", "requesttoken"), ("grant_type", "authorization_code"),
            ("client_id", SecretCanaries.ClientId), ("client_secret", SecretCanaries.ClientSecret), ("code", SecretCanaries.Code),
            ("redirect_uri", "http://localhost/playground/callback")), Cancel);
        await client.PostAsync("/sandbox/wbsapi/v2/oauth2", Form(("action", "requesttoken"), ("grant_type", "refresh_token"),
            ("client_id", SecretCanaries.ClientId), ("client_secret", SecretCanaries.ClientSecret), ("refresh_token", SecretCanaries.RefreshToken)), Cancel);
        await client.PostAsync("/sandbox/wbsapi/v2/signature", Form(("action", "getnonce"), ("client_id", SecretCanaries.ClientId),
            ("timestamp", "1700000000"), ("signature", SecretCanaries.Signature)), Cancel);
        using (var data = new HttpRequestMessage(HttpMethod.Post, "/sandbox/wbsapi/measure") { Content = Form(("action", "getmeas")) })
        {
            data.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SecretCanaries.AccessToken);
            await client.SendAsync(data, Cancel);
        }
        await client.GetAsync($"/sandbox/wbsapi/measure?action=getmeas&access_token={SecretCanaries.AccessToken}", Cancel);

        await client.PostAsync("/feedback", Form(("page", "/faq/invalid-code"), ("helpful", "no"),
            ("comment", $"my refresh_token={SecretCanaries.RefreshToken} and password={SecretCanaries.Password}")), Cancel);
        await client.GetAsync($"/search?q=access_token%3D{SecretCanaries.AccessToken}", Cancel);

        // Support sign-in: the admin's configured password (the canary), a wrong attempt that contains it, the dashboard,
        // and a new account given it as its password.
        var support = new SupportClient(portal.CreateRecordingBrowserClient());
        var refused = await support.SignInAsync(PortalFactory.AdminEmail, SecretCanaries.Password + "-wrong");
        Assert.DoesNotContain("Signed in as", await refused.Content.ReadAsStringAsync(Cancel));
        var signedIn = await support.SignInAsync(PortalFactory.AdminEmail, SecretCanaries.Password);
        Assert.Contains($"Signed in as {PortalFactory.AdminEmail}", await signedIn.Content.ReadAsStringAsync(Cancel)); // the dashboard, after the redirect
        await support.GetHtmlAsync("/support");
        var added = await support.PostFormAsync("/support/accounts", "/support/accounts",
            ("_handler", "add-support-account"), ("Input.Email", "canary-staff@portal.test"), ("Input.Password", SecretCanaries.Password));
        Assert.Contains("can now sign in", await added.Content.ReadAsStringAsync(Cancel));

        await portal.StopAsync();
        var hits = portal.FindCanaries();

        Assert.True(portal.Logs.Lines.Count > 50, $"only {portal.Logs.Lines.Count} log lines were captured");
        Assert.True(portal.Responses.Count >= 20, $"only {portal.Responses.Count} responses were recorded");
        Assert.True(hits.Count == 0, $"{hits.Count} canary hits:\n{string.Join("\n", hits.Take(40))}");
    }
}

public partial class SecretRedactionTests
{
    [Fact]
    public async Task ValuesMarkedSecretAreErasedBeforeAnyLoggerSeesThem()
    {
        await using var portal = new CanaryPortal();
        portal.CreateRecordingClient();
        var logger = portal.Services.GetRequiredService<ILoggerFactory>().CreateLogger<SecretRedactionTests>();

        LogTokenExchange(logger, SecretCanaries.ClientId, SecretCanaries.Code, SecretCanaries.ClientSecret);

        var line = Assert.Single(portal.Logs.Lines, l => l.Contains("Token exchange for", StringComparison.Ordinal));
        Assert.Contains(SecretCanaries.ClientId, line);
        Assert.DoesNotContain(SecretCanaries.Code, line);
        Assert.DoesNotContain(SecretCanaries.ClientSecret, line);
    }

    [Fact]
    public async Task EveryKindOfSecretHasAnErasingRedactor()
    {
        await using var portal = new CanaryPortal();
        portal.CreateRecordingClient();
        var redactors = portal.Services.GetRequiredService<IRedactorProvider>();

        foreach (var classification in SecretData.Kinds)
        {
            Assert.Equal("", redactors.GetRedactor(classification).Redact(SecretCanaries.AccessToken));
        }
    }

    [Fact]
    public async Task AccessLogHasPathAndStatusButNeverTheQuery()
    {
        await using var portal = new CanaryPortal();
        var client = portal.CreateRecordingClient();

        await client.GetAsync($"/faq/invalid-code?code={SecretCanaries.Code}", TestContext.Current.CancellationToken);
        await portal.StopAsync();

        var access = Assert.Single(portal.Logs.Lines, l => l.Contains("HttpLogging", StringComparison.Ordinal) && l.Contains("/faq/invalid-code", StringComparison.Ordinal));
        Assert.Contains("StatusCode: 200", access);
        Assert.DoesNotContain(SecretCanaries.Code, string.Join("\n", portal.Logs.Lines));
    }

    [LoggerMessage(LogLevel.Warning, "Token exchange for {ClientId} refused: code {Code}, secret {ClientSecret}")]
    private static partial void LogTokenExchange(ILogger logger, string clientId, [Secret] string code, [Secret] string clientSecret);
}
