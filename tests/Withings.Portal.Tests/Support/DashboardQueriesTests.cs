using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Content.Feedback;
using Withings.Portal.Content.Search;
using Withings.Portal.Support.Dashboard;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Troubleshooting.Cases;
using Withings.Portal.Troubleshooting.Outcomes;
using Withings.Portal.Troubleshooting.Paste;

namespace Withings.Portal.Tests.Support;

/// <summary>The dashboard's lists and charts, each read a page at a time from the real database (SQLite).</summary>
public sealed class DashboardQueriesTests : IAsyncDisposable
{
    private readonly PortalFactory portal = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private DashboardQueries Queries => portal.Services.GetRequiredService<DashboardQueries>();

    private T Service<T>() where T : notnull => portal.Services.GetRequiredService<T>();

    [Fact]
    public async Task CasesComeNewestFirstAPageAtATimeAndFilterByTopic()
    {
        var cases = Service<CaseService>();
        var first = await cases.CreateAsync(new NewCase("first", [new CaseDiagnosis("invalid-code", "t", 1, "/x", [])], null), Cancel);
        await Task.Delay(20, Cancel);
        var second = await cases.CreateAsync(new NewCase("second", [new CaseDiagnosis("cors", "t", 1, "/x", [])], null), Cancel);

        var page = await Queries.CasesAsync(0, 1, null, Cancel);
        var filtered = await Queries.CasesAsync(0, 10, "invalid-code", Cancel);

        Assert.Equal(2, page.Total);
        Assert.Equal(second.Id, Assert.Single(page.Rows).Id);
        Assert.Equal(first.Id, Assert.Single(filtered.Rows).Id);
    }

    [Fact]
    public async Task FeedbackPerPageHasTheHelpfulRatioAndTheComments()
    {
        var feedback = Service<FeedbackService>();
        await feedback.SaveAsync("/faq/a", "v1", true, null, Cancel);
        await feedback.SaveAsync("/faq/a", "v2", false, "Missing the refresh case", Cancel);
        await feedback.SaveAsync("/faq/b", "v1", true, null, Cancel);

        var pages = await Queries.FeedbackPerPageAsync(0, 10, Cancel);
        var comments = await Queries.CommentsAsync("/faq/a", 0, 10, Cancel);
        var days = await Queries.FeedbackPerDayAsync(14, Cancel);

        Assert.Equal(new FeedbackRow("/faq/a", 2, 1, 1), pages.Rows[0]);
        Assert.Equal(0.5, pages.Rows[0].HelpfulRatio);
        Assert.Equal("Missing the refresh case", Assert.Single(comments.Rows).Comment);
        Assert.Equal(14, days.Count);
        Assert.Equal((2, 1), (days[^1].Helpful, days[^1].NotHelpful));
    }

    [Fact]
    public async Task SearchMissesComeMostFrequentFirst()
    {
        var log = Service<SearchMissLog>();
        await log.RecordAsync("garmin", Cancel);
        await log.RecordAsync("heart rate", Cancel);
        await log.RecordAsync("heart rate", Cancel);

        var misses = await Queries.SearchMissesAsync(0, 10, Cancel);

        Assert.Equal([new SearchMissRow("heart rate", 2), new SearchMissRow("garmin", 1)], misses.Rows);
    }

    [Fact]
    public async Task OutcomesAreCountedPerStepAndPerTopic()
    {
        var outcomes = Service<OutcomeService>();
        await outcomes.SaveAsync("invalid-code", "fix-expired", "v1", true, Cancel);
        await outcomes.SaveAsync("invalid-code", "fix-expired", "v2", false, Cancel);
        await outcomes.SaveAsync("invalid-code", "fix-same-app", "v1", true, Cancel);
        await outcomes.SaveAsync("cors", "fix-backend", "v1", true, Cancel);

        var steps = await Queries.OutcomesPerStepAsync(0, 2, Cancel);
        var topics = await Queries.OutcomesPerTopicAsync(Cancel);

        Assert.Equal(3, steps.Total);
        Assert.Equal(new OutcomeCount("invalid-code", "fix-expired", 1, 1), steps.Rows[0]);
        Assert.Equal([new TopicOutcomes("invalid-code", 2, 1), new TopicOutcomes("cors", 1, 0)], topics);
    }

    [Fact]
    public async Task DiagnosesThatFoundNothingAreListedWithoutText()
    {
        await Service<UnmatchedPasteLog>().RecordAsync("client_secret=s3cr3t-value and nothing Withings knows", UnmatchedPaste.FromApi, Cancel);

        var page = await Queries.UnmatchedAsync(0, 10, Cancel);

        var row = Assert.Single(page.Rows);
        Assert.Equal(UnmatchedPaste.FromApi, row.Source);
        Assert.True(row.RedactedLength > 0);
        Assert.Equal(1, await Queries.UnmatchedSinceAsync(TimeSpan.FromDays(7), Cancel));
    }

    public async ValueTask DisposeAsync()
    {
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
