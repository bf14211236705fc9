using Withings.Portal.Troubleshooting.Cases;

namespace Withings.Portal.Tests.Troubleshooting.Cases;

public class CaseServiceTests
{
    private const string AccessToken = "a7e1c9d04b2f6e8a1c3d5f7b9e0a2c4d6f8b0e1a";
    private const string ClientSecret = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TextAndEvidenceAreRedactedBeforeTheyAreStored()
    {
        await using var database = await CaseDatabase.CreateAsync();
        var text = $"curl -H 'Authorization: Bearer {AccessToken}' -d client_secret={ClientSecret} https://wbsapi.withings.net/v2/measure\n{{\"status\":401,\"error\":\"invalid_token\"}}";
        var diagnosis = new CaseDiagnosis("invalid-access-token", "Invalid access token", 0.9, "/troubleshoot/invalid-access-token?status=401",
            [$"the request sends client_secret={ClientSecret}"]);

        var saved = await database.Service.CreateAsync(new NewCase(text, [diagnosis], null), Cancel);

        var row = Assert.Single(await database.RowsAsync());
        Assert.Equal(saved.Id, row.Id);
        Assert.DoesNotContain(AccessToken, row.Text);
        Assert.DoesNotContain(ClientSecret, row.Text);
        Assert.Contains("Authorization: Bearer <access_token>", row.Text);
        Assert.Contains("\"error\":\"invalid_token\"", row.Text);
        Assert.Equal("the request sends client_secret=<client_secret>", Assert.Single(Assert.Single(row.Diagnoses).Evidence));
        Assert.Equal("/troubleshoot/invalid-access-token?status=401", row.Diagnoses[0].Link);
        Assert.Equal(2, saved.Redaction.Count);
    }

    [Fact]
    public async Task StepTrailIsStoredWithTheCase()
    {
        await using var database = await CaseDatabase.CreateAsync();
        var trail = CaseTrail.FromQuery(TopicFiles.Catalog, "invalid-code", "fix-expired", "start,code-age,fix-expired");

        var saved = await database.Service.CreateAsync(new NewCase("", [], trail), Cancel);

        var found = (await database.Service.FindAsync(saved.Id, Cancel)).Case!;
        Assert.Equal("invalid-code", found.TopicId);
        Assert.Equal(["start", "code-age", "fix-expired"], found.Steps);
    }

    [Fact]
    public async Task CaseIsShownUntilItsLifetimeEndsAndThenReportedExpired()
    {
        await using var database = await CaseDatabase.CreateAsync();
        var created = database.Clock.GetUtcNow();
        var saved = await database.Service.CreateAsync(new NewCase("withings status 601", [], null), Cancel);

        database.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        var lastSecond = await database.Service.FindAsync(saved.Id, Cancel);
        database.Clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await database.Service.FindAsync(saved.Id, Cancel);

        Assert.Equal(created.AddDays(30), saved.ExpiresAt);
        Assert.Equal(CaseState.Found, lastSecond.State);
        Assert.Equal("withings status 601", lastSecond.Case!.Text);
        Assert.Equal(created, lastSecond.Case.CreatedAt);
        Assert.Equal(CaseState.Expired, expired.State);
        Assert.Null(expired.Case);
        Assert.Equal(created.AddDays(30), expired.ExpiresAt);
    }

    [Fact]
    public async Task LifetimeComesFromTheOptions()
    {
        await using var database = await CaseDatabase.CreateAsync(new CaseOptions { Lifetime = TimeSpan.FromDays(2) });

        var saved = await database.Service.CreateAsync(new NewCase("withings status 601", [], null), Cancel);

        Assert.Equal(database.Clock.GetUtcNow().AddDays(2), saved.ExpiresAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("ABCDEFGHIJKMNPQRSTUVWXYZ23")]
    [InlineData("abcdefghijkmnpqrstuvwxyz22")]
    public async Task UnknownOrMalformedIdsAreUnknown(string id)
    {
        await using var database = await CaseDatabase.CreateAsync();

        var lookup = await database.Service.FindAsync(id, Cancel);

        Assert.Equal(CaseState.Unknown, lookup.State);
    }

    [Fact]
    public async Task PurgeDeletesExpiredCasesOnly()
    {
        await using var database = await CaseDatabase.CreateAsync();
        var old = await database.Service.CreateAsync(new NewCase("withings status 601", [], null), Cancel);
        database.Clock.Advance(TimeSpan.FromDays(20));
        var recent = await database.Service.CreateAsync(new NewCase("withings status 293", [], null), Cancel);
        database.Clock.Advance(TimeSpan.FromDays(10));

        var deleted = await database.Service.PurgeExpiredAsync(Cancel);

        Assert.Equal(1, deleted);
        Assert.Equal(CaseState.Unknown, (await database.Service.FindAsync(old.Id, Cancel)).State);
        Assert.Equal(CaseState.Found, (await database.Service.FindAsync(recent.Id, Cancel)).State);
    }

    [Fact]
    public async Task TextOverTheEngineLimitIsRefused()
    {
        await using var database = await CaseDatabase.CreateAsync();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            database.Service.CreateAsync(new NewCase(new string('x', 1024 * 1024 + 1), [], null), Cancel));
        Assert.Empty(await database.RowsAsync());
    }
}
