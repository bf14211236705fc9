using System.Net;
using Microsoft.Data.Sqlite;
using Withings.Portal.Components.Pages.Troubleshooting.Paste;
using Withings.Portal.Tests.Infrastructure;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Data;

/// <summary>
/// The database locked by another process (issue 11): help pages come from memory and are still served; writes fail
/// with a message instead of hanging or losing the visitor's text.
/// </summary>
public sealed class DatabaseUnavailableTests : IAsyncLifetime
{
    private readonly PortalFactory portal = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // Give up on a locked database after 2 s instead of SQLite's default 30.
        portal.Settings["ConnectionStrings:Portal"] = $"Data Source={portal.DatabasePath};Default Timeout=2";
        (await portal.CreateClient().GetAsync("/healthz/ready", Cancel)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await portal.DisposeAsync();
        portal.DeleteData();
    }

    [Fact]
    public async Task HelpPagesAreServedWhileTheDatabaseIsLockedAndWritesSayTheyFailed()
    {
        await using var other = new SqliteConnection($"Data Source={portal.DatabasePath}");
        await other.OpenAsync(Cancel);
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync(Cancel);
        }
        var client = portal.CreateClient();

        // Pages not requested before: rendered now, from the content in memory.
        var glossary = await client.GetAsync("/glossary", Cancel);
        var topic = await client.GetAsync("/troubleshoot/invalid-code/start", Cancel);
        var save = await client.PostAsync("/", Form(("_handler", PasteBox.FormName), (PasteBox.TextField, "{\"status\":601,\"error\":\"Too many requests\"}"),
            (PasteBox.ActionField, PasteBox.SaveAction)), Cancel);
        var feedback = await client.PostAsync("/feedback", Form(("page", "/faq/invalid-code"), ("helpful", "yes"), ("comment", "while locked")), Cancel);

        Assert.Equal(HttpStatusCode.OK, glossary.StatusCode);
        Assert.Equal(HttpStatusCode.OK, topic.StatusCode);
        var savePage = WebUtility.HtmlDecode(await save.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("The case could not be saved just now", savePage);
        Assert.Contains("Too many requests", savePage);
        Assert.Equal(HttpStatusCode.InternalServerError, feedback.StatusCode);
        Assert.Contains("Something went wrong", await feedback.Content.ReadAsStringAsync(Cancel));

        await using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync(Cancel);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready", Cancel)).StatusCode);
    }
}
