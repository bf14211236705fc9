using Withings.Portal.Content;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Tests.Troubleshooting.Topics;

public class TopicCatalogTests
{
    [Fact]
    public void EveryRealTopicFileLoadsAndValidates()
    {
        var catalog = TopicCatalog.Load(TopicFiles.ContentRoot);

        Assert.Equal(TopicVocabulary.ContractIds, catalog.Topics.Select(t => t.Id));
    }

    [Fact]
    public void EveryContractIdHasItsFile()
    {
        foreach (var id in TopicVocabulary.ContractIds)
        {
            Assert.True(File.Exists(Path.Combine(TopicFiles.ContentRoot, "troubleshoot", $"{id}.md")), $"missing content/troubleshoot/{id}.md");
        }
    }

    [Fact]
    public void SharedStatusCodesListEveryTopicThatExplainsThem()
    {
        var topics = TopicFiles.Catalog.TopicsForStatus(503).Select(t => t.Id).ToList();

        Assert.Contains("invalid-code", topics);
        Assert.Contains("invalid-refresh-token", topics);
        Assert.Contains("invalid-client-credentials", topics);
        Assert.Contains("invalid-params-data-call", topics);
        Assert.Equal(["unknown-action"], TopicFiles.Catalog.TopicsForStatus(2554).Select(t => t.Id));
    }

    [Fact]
    public void ApiErrorTopicsDescribeTheirFailingAndCorrectedCalls()
    {
        var withoutReproduce = TopicFiles.Catalog.Topics.Where(t => t.Meta.Reproduce is null).Select(t => t.Id).ToHashSet();

        // No fixed call reproduces these: UI or network conditions, or a Withings answer that is not documented.
        Assert.Equal(
            ["cors", "invalid-callback-url", "missing-scope", "network-error", "server-error", "signature-nonce", "user-deactivated", "wrong-api-host"],
            withoutReproduce.Order(StringComparer.Ordinal));
        Assert.All(TopicFiles.Catalog.Topics.Select(t => t.Meta.Reproduce).OfType<TopicReproduce>(), r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Failing.Setup));
            Assert.False(string.IsNullOrWhiteSpace(r.Corrected.Setup));
            Assert.NotEqual(Expected(r.Failing), Expected(r.Corrected));
        });
    }

    private static (int, int?, string?, string?) Expected(ReproduceCall call) =>
        (call.Expect.Http, call.Expect.Status, call.Expect.Error, call.Expect.Contains);
}
