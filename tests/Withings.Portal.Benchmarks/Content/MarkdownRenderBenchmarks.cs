using BenchmarkDotNet.Attributes;
using Withings.Portal.Content;
using Withings.Portal.Content.Markdown;

namespace Withings.Portal.Benchmarks.Content;

/// <summary>Loading the whole content folder: parse, render and check the links of every page.</summary>
[MemoryDiagnoser]
public class MarkdownRenderBenchmarks
{
    private readonly ContentLoader loader = new(PortalMarkdown.CreatePipeline(), new AppRoutes([new AppRouteSet("any", _ => true, () => [])]));
    private readonly string singlePageRoot = Directory.CreateTempSubdirectory("portal-bench-").FullName;

    [GlobalSetup]
    public void Setup()
    {
        var faq = Directory.CreateDirectory(Path.Combine(singlePageRoot, "faq"));
        File.Copy(Path.Combine(RepositoryPaths.Content, "faq", "invalid-code.md"), Path.Combine(faq.FullName, "invalid-code.md"));
    }

    [Benchmark(Description = "render one FAQ page (read, parse, render, check links)")]
    public int RenderOnePage() => loader.Load(singlePageRoot).Pages[0].Html.Length;

    [Benchmark(Description = "load all shipped content")]
    public int LoadAllContent() => loader.Load(RepositoryPaths.Content).Pages.Count;

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(singlePageRoot, recursive: true);
}
