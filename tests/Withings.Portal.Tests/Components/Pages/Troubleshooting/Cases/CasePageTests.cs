using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Data;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Tests.Troubleshooting;
using Withings.Portal.Troubleshooting.Cases;

namespace Withings.Portal.Tests.Components.Pages.Troubleshooting.Cases;

public class CasePageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string AccessToken = "a7e1c9d04b2f6e8a1c3d5f7b9e0a2c4d6f8b0e1a";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SavedCaseShowsTheRedactedTextAsTextWithItsDiagnosisAndSteps()
    {
        var text = $"<script>alert('x')</script>\ncurl -H \"Authorization: Bearer {AccessToken}\" https://wbsapi.withings.net/v2/oauth2\n{{\"status\":503,\"body\":{{}},\"error\":\"Invalid Params: invalid code\"}}";
        var saved = await SaveAsync(text, CaseTrail.FromQuery(TopicFiles.Catalog, "invalid-code", "fix-expired", "start,code-age,fix-expired"));

        var response = await fixture.Portal.CreateClient().GetAsync($"/cases/{saved.Id}", Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(AccessToken, html);
        Assert.Contains("Authorization: Bearer &lt;access_token&gt;", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("href=\"/troubleshoot/invalid-code?status=503", html);
        Assert.Contains("href=\"/troubleshoot/invalid-code/code-age\"", html);
        Assert.Contains("answered “More than 30 seconds”", html);
        Assert.Contains("""<meta name="robots" content="noindex, nofollow""", html);
        Assert.Equal("noindex, nofollow", Assert.Single(response.Headers.GetValues("X-Robots-Tag")));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task CasePageIsNeverServedFromTheCache()
    {
        var saved = await SaveAsync("withings status 601 Same arguments in less than 10 seconds", null);
        var client = fixture.Portal.CreateClient();

        await client.GetAsync($"/cases/{saved.Id}", Cancel);
        var second = await client.GetAsync($"/cases/{saved.Id}", Cancel);

        Assert.False(second.Headers.Contains("Age"));
    }

    [Theory]
    [InlineData("/cases/abcdefghijkmnpqrstuvwxyz23")]
    [InlineData("/cases/not-a-case-id")]
    public async Task UnknownCaseIsA404ThatExplainsCaseLinks(string path)
    {
        var response = await fixture.Portal.CreateClient().GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Case not found", html);
        Assert.Contains("Cases are deleted", html);
    }

    [Fact]
    public async Task ExpiredCaseIsA410WithoutItsText()
    {
        var saved = await SaveAsync("withings status 293 notify subscribe failed for my callback", null);
        await using (var db = await fixture.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Cancel))
        {
            var row = await db.Set<TroubleshooterCase>().SingleAsync(c => c.Id == saved.Id, Cancel);
            row.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync(Cancel);
        }

        var response = await fixture.Portal.CreateClient().GetAsync($"/cases/{saved.Id}", Cancel);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("This case has expired", html);
        Assert.DoesNotContain("notify subscribe failed", html);
    }

    [Fact]
    public async Task NewCaseFormShowsTheStepsAPageSentAndIsNotIndexed()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync(
            CaseRoutes.NewFromStep("invalid-code", "fix-expired", ["start", "code-age", "fix-expired"]), Cancel);

        Assert.Contains("Save a troubleshooting case", html);
        Assert.Contains("href=\"/troubleshoot/invalid-code/fix-expired\"", html);
        Assert.Contains("""<meta name="robots" content="noindex, nofollow""", html);
        Assert.Contains("data-paste-draft=\"restore\"", html);
    }

    private Task<SavedCase> SaveAsync(string text, CaseTrail? trail)
    {
        var service = fixture.Portal.Services.GetRequiredService<CaseService>();
        var engine = new Withings.Portal.Troubleshooting.Diagnosis.DiagnosisEngine(TopicFiles.Catalog);
        var report = engine.Diagnose(text);
        var diagnoses = report.Diagnoses.Select(d => new CaseDiagnosis(d.Topic, d.Title, d.Score,
            Withings.Portal.Troubleshooting.Steps.TopicLinks.WithPrefill(TopicFiles.Catalog.Get(d.Topic), report.Prefill), d.Evidence)).ToList();
        return service.CreateAsync(new NewCase(text, diagnoses, trail), Cancel);
    }
}
