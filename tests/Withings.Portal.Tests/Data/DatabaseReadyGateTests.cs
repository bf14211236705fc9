using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Withings.Portal.Content.Feedback;
using Withings.Portal.Data;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Data;

/// <summary>
/// The database is prepared after the start-up (for a faster start): requests that need it wait for it, the liveness
/// probe and help pages as every reader gets them do not, and a database that cannot be prepared stops the portal with a
/// message instead of half-working.
/// </summary>
public class DatabaseReadyGateTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // A page that needs the database: it mints an antiforgery token with the key ring kept there.
    private const string PageThatNeedsTheDatabase = "/support/sign-in";

    [Fact]
    public async Task PagesThatNeedTheDatabaseWaitForItWhileTheLivenessProbeAnswers()
    {
        await using var portal = new PortalFactory { WaitForDatabase = false };
        try
        {
            // SQLite waits up to this many seconds for the lock held below before it gives up.
            portal.Settings["ConnectionStrings:Portal"] = $"Data Source={portal.DatabasePath};Default Timeout=60";
            await using var holder = await LockAsync(portal.DatabasePath);
            var client = portal.CreateClient();

            var liveness = await client.GetAsync("/healthz", Cancel);
            var page = client.GetAsync(PageThatNeedsTheDatabase, Cancel);
            await Task.Delay(300, Cancel);
            var answeredWhileLocked = page.IsCompleted;
            await ReleaseAsync(holder);

            Assert.Equal(HttpStatusCode.OK, liveness.StatusCode);
            Assert.False(answeredWhileLocked, "the page was answered before the database was prepared");
            var answered = await page;
            Assert.True(answered.StatusCode == HttpStatusCode.OK, $"{answered.StatusCode}: {await answered.Content.ReadAsStringAsync(Cancel)}");
            await using var db = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            portal.DeleteData();
        }
    }

    [Fact]
    public async Task HelpPagesAsEveryReaderGetsThemAnswerWhileTheDatabaseIsStillBeingPrepared()
    {
        await using var portal = new PortalFactory { WaitForDatabase = false };
        try
        {
            portal.Settings["ConnectionStrings:Portal"] = $"Data Source={portal.DatabasePath};Default Timeout=60";
            await using var holder = await LockAsync(portal.DatabasePath);
            var client = portal.CreateClient();
            string[] helpPages = ["/", "/troubleshoot", "/faq", "/faq/invalid-code", "/troubleshoot/invalid-code",
                "/troubleshoot/invalid-code/start", "/troubleshoot/invalid-code/fix-expired", "/errors", "/errors/601",
                "/glossary", "/glossary/scope", "/guides"];

            var pageThatNeedsIt = client.GetAsync(PageThatNeedsTheDatabase, Cancel);
            using var withAVote = new HttpRequestMessage(HttpMethod.Get, "/faq/invalid-code");
            withAVote.Headers.Add("Cookie", $"{FeedbackEndpoints.AnswerCookie}={Guid.NewGuid():N}");
            var personalHelpPage = client.SendAsync(withAVote, Cancel);
            foreach (var path in helpPages)
            {
                // Neither the tables nor the key ring can be read while the lock is held: a page touching either would wait.
                var answer = await client.GetAsync(path, Cancel).WaitAsync(TimeSpan.FromSeconds(30), Cancel);
                Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{path}: {answer.StatusCode}");
                Assert.False(answer.Headers.Contains("Set-Cookie"), $"{path} set a cookie");
            }
            // What the page loads, or the first reader would see it unstyled until the database is ready.
            foreach (var asset in AssetsOf(await client.GetStringAsync("/faq/invalid-code", Cancel)))
            {
                var answer = await client.GetAsync(asset, Cancel).WaitAsync(TimeSpan.FromSeconds(30), Cancel);
                Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{asset}: {answer.StatusCode}");
            }
            var waitedForTheDatabase = !pageThatNeedsIt.IsCompleted && !personalHelpPage.IsCompleted;
            await ReleaseAsync(holder);

            Assert.True(waitedForTheDatabase, "a page that needs the database, or a reader's own help page, was answered before it was prepared");
            Assert.Equal(HttpStatusCode.OK, (await pageThatNeedsIt).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await personalHelpPage).StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            portal.DeleteData();
        }
    }

    [Fact]
    public async Task ADatabaseThatCannotBePreparedStopsThePortalAndRequestsSaySo()
    {
        await using var portal = new PortalFactory { WaitForDatabase = false };
        try
        {
            // Long enough for the host to finish starting (the failure then stops it), short enough for a test.
            portal.Settings["ConnectionStrings:Portal"] = $"Data Source={portal.DatabasePath};Default Timeout=8";
            await using var holder = await LockAsync(portal.DatabasePath);
            var client = portal.CreateClient();

            var page = await client.GetAsync(PageThatNeedsTheDatabase, Cancel);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal(DatabaseReadyGate.NotPreparedMessage, await page.Content.ReadAsStringAsync(Cancel));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            portal.DeleteData();
        }
    }

    [Fact]
    public async Task RequestsArrivingAfterAFailedPreparationAreToldThePortalIsStopping()
    {
        var readiness = new DatabaseReadiness();
        readiness.Failed(new InvalidOperationException("no database"));
        var reachedThePage = false;
        var gate = new DatabaseReadyGate(_ => { reachedThePage = true; return Task.CompletedTask; }, readiness);
        var context = new DefaultHttpContext { Request = { Method = "GET", Path = "/faq/invalid-code" } };
        context.Response.Body = new MemoryStream();

        await gate.InvokeAsync(context);

        Assert.False(reachedThePage);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal(DatabaseReadyGate.NotPreparedMessage, Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }

    [Fact]
    public async Task TheKeyRingIsReadyBeforeTheFirstRequestAndNothingReadsItEarlier()
    {
        await using var portal = new PortalFactory();
        try
        {
            var hostedServices = portal.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();
            await using var db = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

            // Data Protection's own start-up service would read the key table before the migrator has created it.
            Assert.DoesNotContain(hostedServices, type => type.Assembly == typeof(Microsoft.AspNetCore.DataProtection.DataProtectionOptions).Assembly);
            Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(Cancel));
        }
        finally
        {
            portal.DeleteData();
        }
    }

    private static List<string> AssetsOf(string page)
    {
        var assets = Regex.Matches(page, "<(?:link rel=\"(?:stylesheet|icon)\"[^>]*? href|script src)=\"([^\"]+)\"")
            .Select(m => "/" + m.Groups[1].Value.TrimStart('/')).ToList();
        Assert.True(assets.Count >= 5, $"expected the page's style sheets, scripts and icon, found {string.Join(", ", assets)}");
        return assets;
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
}
