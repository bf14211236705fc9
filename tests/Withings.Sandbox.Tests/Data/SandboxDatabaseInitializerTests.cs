using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Withings.Sandbox.Data;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Data;

/// <summary>The sandbox's database is prepared while the host starts; its requests wait for it.</summary>
public class SandboxDatabaseInitializerTests
{
    [Fact]
    public async Task FirstRequestRightAfterStartWaitsForTheDatabaseAndSucceeds()
    {
        var factory = new SandboxFactory();
        try
        {
            var client = factory.CreateSandboxClient();

            var (access, _) = await client.LinkAsync();

            Assert.NotEmpty(access);
        }
        finally
        {
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }

    [Fact]
    public async Task SandboxThatCannotBePreparedAnswers503AndStopsTheApplication()
    {
        var sandbox = new SandboxFactory();
        var failNow = new TaskCompletionSource();
        // A seed that fails once the test says so: the request below is then already waiting for the sandbox.
        var factory = sandbox.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton(new SandboxSeed(async _ =>
            {
                await failNow.Task;
                throw new InvalidOperationException("The sandbox's tables could not be prepared.");
            }))));
        // Over a real socket: Kestrel lets the request in flight finish before the stopping host is torn down, as in
        // production. The in-memory test server does not wait, so its answer raced the disposal of the services.
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        try
        {
            factory.StartServer();
            var client = factory.CreateClient();
            var stopping = factory.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            await client.GetAsync("/", TestContext.Current.CancellationToken); // routing is built before the host stops

            var waiting = client.PostAsync("/wbsapi/v2/oauth2", null, TestContext.Current.CancellationToken);
            failNow.SetResult();
            var response = await waiting;

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(stopping.IsCancellationRequested, "a sandbox without its database should stop, as a failed start would");
        }
        finally
        {
            await factory.DisposeAsync();
            await sandbox.DisposeAsync();
            sandbox.DeleteData();
        }
    }
}

/// <summary>A host whose start failed (its port in use) is disposed without being stopped.</summary>
public class SandboxDatabaseInitializerDisposalTests
{
    [Fact]
    public async Task DisposingAHostThatNeverStoppedEndsThePreparationWithoutReportingAFailure()
    {
        var logger = new CriticalLines();
        var services = new ServiceCollection();
        services.AddSingleton<IHostApplicationLifetime, NeverStoppingLifetime>();
        services.AddSingleton<ILogger<SandboxDatabaseInitializer>>(logger);
        services.AddSingleton<IDbContextFactory<SandboxDbContext>, UnusedFactory>();
        // Waits for its token, as the real preparation's database calls do; if no one cancels it, it finds the
        // container disposed, as the real preparation did once the host was torn down.
        services.AddSingleton(new SandboxPrerequisite(async cancellationToken =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            throw new ObjectDisposedException(nameof(IServiceProvider));
        }));
        services.AddSingleton<SandboxDatabaseInitializer>();
        var provider = services.BuildServiceProvider();
        var initializer = provider.GetRequiredService<SandboxDatabaseInitializer>();
        await initializer.StartAsync(TestContext.Current.CancellationToken);

        await provider.DisposeAsync();
        await Record.ExceptionAsync(() => initializer.Ready);

        Assert.Empty(logger.Lines);
        Assert.True(initializer.Ready.IsCanceled, "disposal should end the preparation, not let it run into the disposed container");
    }

    private sealed class NeverStoppingLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => throw new InvalidOperationException("a disposed host's preparation asked to stop it");
    }

    private sealed class UnusedFactory : IDbContextFactory<SandboxDbContext>
    {
        public SandboxDbContext CreateDbContext() => throw new InvalidOperationException("the prerequisite never lets the preparation get here");
    }

    private sealed class CriticalLines : ILogger<SandboxDatabaseInitializer>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                Lines.Add(formatter(state, exception));
            }
        }
    }
}
