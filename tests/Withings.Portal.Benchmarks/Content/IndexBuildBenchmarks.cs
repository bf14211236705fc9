using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Withings.Portal.Content;
using Withings.Portal.Content.Markdown;
using Withings.Portal.Content.Search;

namespace Withings.Portal.Benchmarks.Content;

/// <summary>Building the index of 10,000 generated articles (target: under 2 s).</summary>
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 10)]
[MemoryDiagnoser]
public class IndexBuildBenchmarks
{
    private SearchDocument[] articles = [];

    [GlobalSetup]
    public void Setup()
    {
        var content = new ContentLoader(PortalMarkdown.CreatePipeline(), new AppRoutes([new AppRouteSet("any", _ => true, () => [])]))
            .Load(RepositoryPaths.Content);
        articles = GeneratedArticles.Create(content, 10_000).ToArray();
    }

    [Benchmark(Description = "build index, 10,000 articles")]
    public int BuildTenThousand() => SearchIndex.Build(articles).Count;
}
