using Withings.Portal.Content;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Tests.Troubleshooting;

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
}
