using BenchmarkDotNet.Attributes;
using Markdig;
using Withings.Portal.Content;
using Withings.Portal.Content.Markdown;
using Withings.Portal.Content.Search;

namespace Withings.Portal.Benchmarks.Content;

/// <summary>Search over the shipped content and over 10,000 generated articles (targets: p99 under 1 ms and 5 ms).</summary>
[Config(typeof(SingleCallLatencyConfig))]
public class SearchBenchmarks
{
    private SearchIndex shipped = null!;
    private SearchIndex tenThousand = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var content = new ContentLoader(PortalMarkdown.CreatePipeline(), new AppRoutes([new AppRouteSet("any", _ => true, () => [])]))
            .Load(RepositoryPaths.Content);
        shipped = content.Search;
        tenThousand = SearchIndex.Build(GeneratedArticles.Create(content, 10_000));
    }

    [Benchmark(Description = "search, shipped content")]
    public int SearchShippedContent() => shipped.Search(SearchQueries.All[next++ % SearchQueries.All.Length]).Hits.Count;

    [Benchmark(Description = "search, 10,000 articles")]
    public int SearchTenThousandArticles() => tenThousand.Search(SearchQueries.All[next++ % SearchQueries.All.Length]).Hits.Count;
}
