using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Withings.Portal.Playground;
using Withings.Portal.Tests.Infrastructure;
using Withings.Sandbox.Data;

namespace Withings.Portal.Tests.Playground;

/// <summary>
/// The portal on a loopback port (the sandbox is called over a real socket) with a fake clock shared by the portal and the
/// sandbox, every log line captured, and the portal's sandbox app secret set to a canary.
/// </summary>
public sealed class PlaygroundPortal : PortalFactory
{
    public const string CanarySecret = "canary-client-secret-7f3e9a1c5b2d";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public ConcurrentQueue<string> Logs { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    private readonly bool fakeClock;

    /// <param name="fakeClock">False where real time must pass (timeouts of the client's resilience pipeline).</param>
    public PlaygroundPortal(bool fakeClock = true)
    {
        this.fakeClock = fakeClock;
        Settings["Sandbox:PortalApp:ClientSecret"] = CanarySecret;
    }

    public void Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    public HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(new CapturingLoggerProvider(Logs));
        });
        if (fakeClock)
        {
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    /// <summary>
    /// An authorize2 URL built by the playground, consented on the sandbox's page as <paramref name="user"/> for
    /// <paramref name="scopes"/> (user.info, user.metrics and user.activity unless given): the callback's path and query.
    /// </summary>
    public async Task<(string Callback, string State, string Code)> ConsentAsync(int user = SimulatedUsers.DemoUserId, bool demo = true,
        string[]? scopes = null)
    {
        scopes ??= ["user.info", "user.metrics", "user.activity"];
        using var scope = Services.CreateScope();
        var (app, problem) = await scope.ServiceProvider.GetRequiredService<PlaygroundSetup>().OwnAppAsync(Origin, CancellationToken.None);
        Assert.True(app is not null, problem);
        var (authorization, _) = scope.ServiceProvider.GetRequiredService<PlaygroundFlow>().Authorize(app, scopes, demo, Origin);

        using var browser = Browser();
        var consent = await browser.PostAsync("/sandbox/account/oauth2_user/authorize2", HtmlForms.Form(
            ("response_type", "code"), ("client_id", app.ClientId), ("redirect_uri", app.RedirectUri), ("scope", string.Join(',', scopes)),
            ("state", authorization.State), ("mode", demo ? "demo" : ""), ("user", user.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("decision", "allow")));
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var location = consent.Headers.Location!;
        Assert.Equal("/playground/callback", location.AbsolutePath);
        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query)["code"].ToString();
        return (location.PathAndQuery, authorization.State, code);
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
