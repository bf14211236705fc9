using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Withings.Portal.Data;
using Withings.Portal.Content;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Content;

/// <summary>
/// While the database is prepared, the portal renders its home page for itself, so that the first visitor waits for
/// the database only, and the rehearsal is not taken for the first answer. (That visitors still wait, and that only
/// the rehearsal passes the gate, is pinned by <see cref="Data.DatabaseReadyGateTests"/>.)
/// </summary>
public class StartupRehearsalTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WhileTheDatabaseIsPreparedThePortalRendersItsHomePageForItself()
    {
        await using var portal = new KestrelPortal();
        try
        {
            // SQLite waits up to this many seconds for the lock held below before it gives up.
            portal.Settings["ConnectionStrings:Portal"] = $"Data Source={portal.DatabasePath};Default Timeout=60";
            await using (var holder = await LockAsync(portal.DatabasePath))
            {
                portal.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
                portal.StartServer();
                await Task.Delay(500, Cancel);
                await ReleaseAsync(holder);
            }
            await portal.Services.GetRequiredService<DatabaseReadiness>().Ready.WaitAsync(Cancel);
            await portal.Services.GetServices<IHostedService>().OfType<StartupRehearsal>().Single().Rehearsing.WaitAsync(Cancel);
            // Time enough for a sandbox preparation the rehearsal had wrongly set off to have created its first table.
            await Task.Delay(1000, Cancel);
            Assert.False(await SandboxTablesExistAsync(portal), "the rehearsal was taken for the portal's first answer");

            using var client = new HttpClient { BaseAddress = Address(portal) };
            // As the rehearsal asked for it: the output cache keys on the host, and the rehearsal calls itself "localhost".
            using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { { "Accept-Encoding", "br" } } };
            request.Headers.Host = "localhost";
            var home = await client.SendAsync(request, Cancel);

            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.True(home.Headers.Contains("Age"), "the home page was rendered for this request, not by the rehearsal");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            portal.DeleteData();
        }
    }

    private static Uri Address(PortalFactory portal) =>
        new(portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static async Task<bool> SandboxTablesExistAsync(PortalFactory portal)
    {
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = '__SandboxMigrationsHistory'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel)) > 0;
    }

    private static async Task<SqliteConnection> LockAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(Cancel);
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE;";
        await begin.ExecuteNonQueryAsync(Cancel);
        return connection;
    }

    private static async Task ReleaseAsync(SqliteConnection holder)
    {
        await using var rollback = holder.CreateCommand();
        rollback.CommandText = "ROLLBACK;";
        await rollback.ExecuteNonQueryAsync(Cancel);
        await holder.CloseAsync();
    }

    /// <summary>On a real port (the rehearsal calls the portal over loopback), with a clock that only moves when told.</summary>
    private sealed class KestrelPortal : PortalFactory
    {
        public KestrelPortal() => WaitForDatabase = false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UtcNow)));
        }
    }
}
