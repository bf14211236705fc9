using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Withings.Sandbox;
using Withings.Sandbox.Notify;

namespace Withings.Sandbox.Tests.Infrastructure;

/// <summary>
/// The standalone sandbox in-process (anchored on a type of the sandbox assembly), with its own SQLite file, a fake clock
/// and a stub behind the HEAD check of notify callbacks.
/// </summary>
public class SandboxFactory : WebApplicationFactory<SandboxOptions>
{
    public const string DemoClientId = "demo-client-id";
    public const string DemoSecret = "demo-client-secret";
    public const string DemoCallback = "https://partner.example/withings/callback";
    public const string PortalClientId = "portal-client-id";
    public const string PortalSecret = "portal-client-secret";
    public const string PortalCallback = "http://localhost:5000/playground/callback";

    public SandboxFactory() : this(Directory.CreateTempSubdirectory("sandbox-tests-"))
    {
    }

    /// <summary>Shares a data folder with an earlier factory: a restart of the same installation.</summary>
    public SandboxFactory(DirectoryInfo dataFolder) => DataFolder = dataFolder;

    public DirectoryInfo DataFolder { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 10, 11, 0, 0, TimeSpan.Zero));

    /// <summary>What the partner's callback answers to Withings' HEAD check.</summary>
    public HttpStatusCode CallbackStatus { get; set; } = HttpStatusCode.OK;

    public List<HttpRequestMessage> CallbackChecks { get; } = [];

    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>What the sandbox logged at Error and above.</summary>
    public ErrorLog Errors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(Errors));
        builder.UseSetting("ConnectionStrings:Sandbox", $"Data Source={Path.Combine(DataFolder.FullName, "sandbox.db")}");
        builder.UseSetting("Sandbox:DemoApp:ClientId", DemoClientId);
        builder.UseSetting("Sandbox:DemoApp:ClientSecret", DemoSecret);
        builder.UseSetting("Sandbox:DemoApp:CallbackUrl", DemoCallback);
        builder.UseSetting("Sandbox:PortalApp:ClientId", PortalClientId);
        builder.UseSetting("Sandbox:PortalApp:ClientSecret", PortalSecret);
        builder.UseSetting("Sandbox:PortalApp:CallbackUrl", PortalCallback);
        // The fake clock stands still, so every request of a test falls in one minute: tests lift the per-minute
        // limit unless they are about it (the real default, 120, is tested on SandboxOptions).
        builder.UseSetting("Sandbox:RateLimitPerMinute", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddDataProtection().PersistKeysToFileSystem(DataFolder.CreateSubdirectory("keys"));
            services.AddHttpClient(CallbackChecker.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => new StubHandler(request =>
                {
                    CallbackChecks.Add(request);
                    return new HttpResponseMessage(CallbackStatus);
                }));
        });
    }

    /// <summary>A client that does not follow redirects, so tests see the consent page's redirect to the callback.</summary>
    public SandboxClient CreateSandboxClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), this);

    public void DeleteData()
    {
        SqliteConnection.ClearAllPools();
        if (DataFolder.Exists)
        {
            DataFolder.Delete(recursive: true);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
        }
    }
}

/// <summary>An HttpMessageHandler that answers from a function.</summary>
public sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(answer(request));
}
