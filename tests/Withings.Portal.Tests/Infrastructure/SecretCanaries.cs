using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Withings.Portal.Tests.Infrastructure;

/// <summary>
/// One distinctive value per kind of secret, to send through every flow of the portal and then look for everywhere the
/// portal writes: every log line (all levels, all categories), every response it gave, its database files. A flow
/// added later runs through <see cref="CanaryPortal"/> and calls <see cref="CanaryPortal.FindCanaries"/> the same way
/// (the playground's journey does, in <c>CallbackPageTests</c>).
/// </summary>
public static class SecretCanaries
{
    public const string ClientId = "canary-client-id-portal";
    public const string ClientSecret = "cnryClientSecret7f3a9e01d4";
    public const string AccessToken = "cnryAccessToken5b82c6e7a1";
    public const string RefreshToken = "cnryRefreshToken9d40f3b2c8";
    public const string Code = "cnryAuthCode3e71a5d9f2";
    public const string Signature = "cnrySignature0c6b8e4f7a3d";
    public const string Password = "cnryPassword!4Kq8zR2w";

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["client secret"] = ClientSecret,
        ["access token"] = AccessToken,
        ["refresh token"] = RefreshToken,
        ["code"] = Code,
        ["signature"] = Signature,
        ["password"] = Password,
    };

    /// <summary>A paste as a developer would send it: a failing token request and its log, every secret in it.</summary>
    public static string Paste =>
        $$"""
        POST https://wbsapi.withings.net/v2/oauth2 HTTP/1.1
        Content-Type: application/x-www-form-urlencoded

        action=requesttoken&grant_type=authorization_code&client_id={{ClientId}}&client_secret={{ClientSecret}}&code={{Code}}&redirect_uri=https://app.example/callback
        {"status":503,"body":{},"error":"Invalid Params: invalid code"}
        curl -H "Authorization: Bearer {{AccessToken}}" "https://wbsapi.withings.net/measure?action=getmeas&signature={{Signature}}"
        refresh_token={{RefreshToken}} password={{Password}}
        .env of the integration:
        WITHINGS_CLIENT_SECRET={{ClientSecret}}
        export WITHINGS_REFRESH_TOKEN="{{RefreshToken}}"
        withings_access_token: {{AccessToken}}
        """;
}

/// <summary>The portal on a loopback port (its reproduce runs call its own /sandbox) with the canary client secret as its sandbox app's, everything logged and kept.</summary>
public sealed class CanaryPortal : PortalFactory, IAsyncDisposable
{
    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>
    /// Every response (headers and body) the tests' clients received, with the URL asked for: a page may show a visitor
    /// what they typed into its own address (a search, a live check), which is not a leak; anything else is.
    /// </summary>
    public ConcurrentQueue<(string Url, string Response)> Responses { get; } = new();

    public CanaryPortal()
    {
        Settings["Sandbox:PortalApp:ClientId"] = SecretCanaries.ClientId;
        Settings["Sandbox:PortalApp:ClientSecret"] = SecretCanaries.ClientSecret;
        Settings["Sandbox:RateLimitPerMinute"] = "100000";
        Settings["Support:Admin:Password"] = SecretCanaries.Password;
        Settings["Troubleshooting:Reproduce:PermitsPerMinute"] = "1000";
        // The most an operator can turn on by configuration: every category at every level, the access log included.
        foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore.Database.Command", "System" })
        {
            Settings[$"Logging:LogLevel:{category}"] = "Trace";
        }
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Only the capture: the console would print the whole run into the test output.
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
    }

    /// <summary>A client whose every answer is kept in <see cref="Responses"/>.</summary>
    public HttpClient CreateRecordingClient()
    {
        StartServer();
        return CreateDefaultClient(new RecordingHandler(Responses));
    }

    /// <summary>Like <see cref="CreateRecordingClient"/>, keeping cookies: a browser signing in (redirects are followed).</summary>
    public HttpClient CreateRecordingBrowserClient()
    {
        StartServer();
        return CreateDefaultClient(new CookieContainerHandler(), new RecordingHandler(Responses));
    }

    /// <summary>Every place a canary was found: "where: which secret".</summary>
    public List<string> FindCanaries()
    {
        var hits = new List<string>();
        foreach (var line in Logs.Lines)
        {
            hits.AddRange(Hits(line).Select(secret => $"log [{line[..Math.Min(line.Length, 200)]}]: {secret}"));
        }
        foreach (var (url, response) in Responses)
        {
            var typedIntoTheAddress = Hits(url).ToHashSet();
            hits.AddRange(Hits(response).Where(secret => !typedIntoTheAddress.Contains(secret))
                .Select(secret => $"response [{response[..Math.Min(response.Length, 120)]}]: {secret}"));
        }
        SqliteConnection.ClearAllPools();
        foreach (var file in DataFolder.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var bytes = ReadShared(file.FullName);
            var text = Encoding.UTF8.GetString(bytes) + Encoding.Unicode.GetString(bytes);
            hits.AddRange(Hits(text).Select(secret => $"file {file.Name}: {secret}"));
        }
        return hits;
    }

    private static IEnumerable<string> Hits(string text) =>
        SecretCanaries.All.Where(c => text.Contains(c.Value, StringComparison.Ordinal) ||
            text.Contains(Uri.EscapeDataString(c.Value), StringComparison.Ordinal) ||
            text.Contains(System.Net.WebUtility.HtmlEncode(c.Value), StringComparison.Ordinal)).Select(c => c.Key);

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Stops the portal (flushing its database) and keeps its files to search.</summary>
    public async Task StopAsync() => await base.DisposeAsync();

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteData();
    }

    private sealed class RecordingHandler(ConcurrentQueue<(string, string)> responses) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var url = request.RequestUri?.PathAndQuery ?? "";
            responses.Enqueue((url, $"{request.Method} {url.Split('?')[0]} {(int)response.StatusCode}\n{response.Headers}{response.Content.Headers}\n{body}"));
            return response;
        }
    }
}
