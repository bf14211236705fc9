using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Content;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Tests.Operations;

/// <summary>The content and the topics are built while the database is migrated, and still before any request.</summary>
public class StartupPreloaderTests
{
    [Fact]
    public void TopicsThatDoNotValidateStillStopTheStart()
    {
        var content = ContentCopy.Create();
        var cors = Path.Combine(content.FullName, "troubleshoot", "cors.md");
        File.WriteAllText(cors, File.ReadAllText(cors).Replace("category: connectivity", "category: nonsense", StringComparison.Ordinal));
        try
        {
            var error = PortalFactory.StartupFailure(() => new PortalFactory { Settings = { ["Content:Root"] = content.FullName } });

            Assert.Contains("nonsense", error.ToString());
        }
        finally
        {
            content.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ContentAndTopicsAreReadyWhenTheFirstRequestArrives()
    {
        await using var portal = new PortalFactory();
        try
        {
            portal.CreateClient(); // starts the host
            var content = portal.Services.GetRequiredService<ContentStore>();
            var topics = portal.Services.GetRequiredService<TopicLibrary>();

            Assert.NotEmpty(content.Current.Pages);
            Assert.NotEmpty(topics.Current.Topics);
        }
        finally
        {
            portal.DeleteData();
        }
    }

    [Fact]
    public async Task ReloadedContentEvictsCachedTopicPagesOnceTheTopicsAreRebuilt()
    {
        var content = ContentCopy.Create();
        await using var portal = new PortalFactory { Settings = { ["Content:Root"] = content.FullName } };
        try
        {
            var client = portal.CreateClient();
            await client.GetAsync("/troubleshoot/cors", TestContext.Current.CancellationToken);
            Assert.True((await client.GetAsync("/troubleshoot/cors", TestContext.Current.CancellationToken)).Headers.Contains("Age"));

            var cors = Path.Combine(content.FullName, "troubleshoot", "cors.md");
            File.WriteAllText(cors, File.ReadAllText(cors).Replace("title: \"Blocked by CORS policy", "title: \"Edited: blocked by CORS policy", StringComparison.Ordinal));
            portal.Services.GetRequiredService<ContentStore>().Reload();

            Assert.StartsWith("Edited:", portal.Services.GetRequiredService<TopicLibrary>().Current.Get("cors").Title);
            // Eviction is started, not awaited, by the reload: poll (up to 5 s) rather than sleep a fixed time.
            var renderedAgain = false;
            for (var deadline = DateTime.UtcNow.AddSeconds(5); !renderedAgain && DateTime.UtcNow < deadline;)
            {
                renderedAgain = !(await client.GetAsync("/troubleshoot/cors", TestContext.Current.CancellationToken)).Headers.Contains("Age");
                await Task.Delay(renderedAgain ? 0 : 50, TestContext.Current.CancellationToken);
            }
            Assert.True(renderedAgain, "the topic page should have been rendered again after the topics changed");
            Assert.Contains("Edited: blocked by CORS policy", await client.GetStringAsync("/troubleshoot/cors", TestContext.Current.CancellationToken));
        }
        finally
        {
            portal.DeleteData();
            content.Delete(recursive: true);
        }
    }
}
