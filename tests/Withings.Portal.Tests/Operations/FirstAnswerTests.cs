using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Withings.Portal.Data;
using Withings.Portal.Operations;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Operations;

/// <summary>
/// The portal's database and the sandbox's tables are prepared after the portal's first answer, so they do not share
/// the CPU while the first visitor waits; a request that needs them, the playground or the end of the longest wait
/// start them sooner.
/// </summary>
public class FirstAnswerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Long enough for a preparation that had started to have created its history table on a loaded machine.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task TheSandboxWaitsForThePortalsFirstAnswerNotForHealthProbes()
    {
        await using var portal = new StoppedClockPortal();
        try
        {
            var client = portal.CreateClient();
            await portal.Services.GetRequiredService<DatabaseReadiness>().PrepareNow().WaitAsync(Cancel);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready", Cancel)).StatusCode);
            await Task.Delay(Settle, Cancel);
            Assert.False(await SandboxTablesExistAsync(portal), "the sandbox was prepared before the portal's first answer");

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/glossary", Cancel)).StatusCode);

            await WaitForSandboxTablesAsync(portal);
        }
        finally
        {
            portal.DeleteData();
        }
    }

    [Fact]
    public async Task ASandboxRequestDoesNotWaitForAFirstAnswerItWouldItselfBe()
    {
        await using var portal = new StoppedClockPortal();
        try
        {
            var client = portal.CreateClient();

            // Without the sandbox starting at once, this would wait for the sandbox, which would wait for this answer.
            var consent = await client.GetAsync("/sandbox/account/oauth2_user/authorize2", Cancel).WaitAsync(TimeSpan.FromSeconds(60), Cancel);

            Assert.NotEqual(HttpStatusCode.ServiceUnavailable, consent.StatusCode);
            Assert.True(await SandboxTablesExistAsync(portal));
        }
        finally
        {
            portal.DeleteData();
        }
    }

    [Fact]
    public async Task WithoutAVisitorTheSandboxIsPreparedAfterTheLongestWait()
    {
        await using var portal = new StoppedClockPortal();
        try
        {
            portal.CreateClient();
            await portal.Services.GetRequiredService<DatabaseReadiness>().PrepareNow().WaitAsync(Cancel);
            await Task.Delay(Settle, Cancel);
            Assert.False(await SandboxTablesExistAsync(portal), "the sandbox was prepared before the longest wait had passed");

            portal.Clock.Advance(FirstAnswer.LongestWait);

            await WaitForSandboxTablesAsync(portal);
        }
        finally
        {
            portal.DeleteData();
        }
    }

    [Fact]
    public async Task ThePortalsDatabaseIsPreparedAfterItsFirstAnswerWhichNeedsNone()
    {
        await using var portal = new StoppedClockPortal();
        try
        {
            var client = portal.CreateClient();
            var database = portal.Services.GetRequiredService<DatabaseReadiness>();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Cancel)).StatusCode);
            await Task.Delay(Settle, Cancel);
            Assert.False(database.Ready.IsCompleted, "the database was prepared before the portal's first answer");

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/faq/invalid-code", Cancel)).StatusCode);

            await database.Ready.WaitAsync(TimeSpan.FromSeconds(60), Cancel);
        }
        finally
        {
            portal.DeleteData();
        }
    }

    [Fact]
    public async Task WithoutAVisitorThePortalsDatabaseIsPreparedAfterTheLongestWait()
    {
        await using var portal = new StoppedClockPortal();
        try
        {
            portal.CreateClient();
            var database = portal.Services.GetRequiredService<DatabaseReadiness>();
            await Task.Delay(Settle, Cancel);
            Assert.False(database.Ready.IsCompleted, "the database was prepared before the longest wait had passed");

            portal.Clock.Advance(FirstAnswer.LongestWait);

            await database.Ready.WaitAsync(TimeSpan.FromSeconds(60), Cancel);
        }
        finally
        {
            portal.DeleteData();
        }
    }

    private static async Task WaitForSandboxTablesAsync(PortalFactory portal)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await SandboxTablesExistAsync(portal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the sandbox was not prepared within a minute");
            await Task.Delay(50, Cancel);
        }
    }

    private static async Task<bool> SandboxTablesExistAsync(PortalFactory portal)
    {
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = '__SandboxMigrationsHistory'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel)) > 0;
    }

    /// <summary>A portal whose clock does not move unless told, started without waiting for the sandbox.</summary>
    private sealed class StoppedClockPortal : PortalFactory
    {
        public StoppedClockPortal() => WaitForDatabase = false;

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
