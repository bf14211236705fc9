using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
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
