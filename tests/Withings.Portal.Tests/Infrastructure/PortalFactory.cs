using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Withings.Portal.Data;

namespace Withings.Portal.Tests.Infrastructure;

/// <summary>The portal in-process on its real pipeline, with its own SQLite file in a temporary folder.</summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo dataFolder;

    public PortalFactory() : this(Directory.CreateTempSubdirectory("portal-tests-"))
    {
    }

    /// <summary>Shares a data folder with an earlier factory: a "restart" of the same installation.</summary>
    public PortalFactory(DirectoryInfo dataFolder) => this.dataFolder = dataFolder;

    public DirectoryInfo DataFolder => dataFolder;

    /// <summary>Every line the portal logged at Warning or above (the factory's minimum level): e.g. that bad input logs no Error.</summary>
    public CapturingLoggerProvider WarningsAndErrors { get; } = new();

    public string DatabasePath => Path.Combine(dataFolder.FullName, "portal.db");

    /// <summary>The support admin every test portal starts with (Support:Admin).</summary>
    public const string AdminEmail = "admin@portal.test";

    public const string AdminPassword = "Test-admin-password-1!";

    /// <summary>Extra configuration, applied as host settings so start-up code sees it. Support sign-in is on.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Support:Enabled"] = "true",
        ["Support:Admin:Email"] = AdminEmail,
        ["Support:Admin:Password"] = AdminPassword,
    };

    /// <summary>
    /// Whether a started portal has also prepared its database and the sandbox's (as its first request would wait for),
    /// so that tests may use them right away; off for the tests of that wait.
    /// </summary>
    public bool WaitForDatabase { get; init; } = true;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (WaitForDatabase)
        {
            try
            {
                host.Services.GetRequiredService<DatabaseReadiness>().PrepareNow().GetAwaiter().GetResult();
                host.Services.GetService<Withings.Sandbox.Data.SandboxReadiness>()?.ReadyAsync().GetAwaiter().GetResult();
            }
            catch
            {
                host.Dispose();
                throw;
            }
        }
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Serve _framework/ and _content/ from the build output as Development does (the Testing environment would not).
        builder.UseStaticWebAssets();
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(WarningsAndErrors));
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={DatabasePath}");
        foreach (var (key, value) in Settings)
        {
            if (value is not null)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    /// <summary>
    /// Starts a portal that must fail to start and returns why. Now and then the test host reports its own disposal
    /// instead (an ObjectDisposedException: the failed host is torn down while the factory still reaches for its
    /// services; seen on a loaded CI machine, never reproduced on a quiet one): only that case is tried again, with a new portal.
    /// </summary>
    public static Exception StartupFailure(Func<PortalFactory> create)
    {
        for (var attempt = 1; ; attempt++)
        {
            var portal = create();
            try
            {
                var failure = Assert.ThrowsAny<Exception>(() => portal.Services);
                if (failure is ObjectDisposedException && attempt < 3)
                {
                    continue;
                }
                return failure;
            }
            finally
            {
                portal.Dispose();
                portal.DeleteData();
            }
        }
    }

    /// <summary>A client that does not follow redirects, so tests can see them.</summary>
    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// Stops the portal if it still runs (background work, such as the sandbox preparing its tables after the first
    /// answer, may still be writing), then deletes its data folder.
    /// </summary>
    public void DeleteData()
    {
        Dispose();
        SqliteConnection.ClearAllPools();
        if (dataFolder.Exists)
        {
            dataFolder.Delete(recursive: true);
        }
    }
}
