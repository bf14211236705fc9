using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Withings.Portal.Troubleshooting.Diagnosis;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Benchmarks.Troubleshooting;

/// <summary>
/// One call per measurement (RunStrategy.Monitoring), so P95/P99/Max are per-diagnosis latencies including GC pauses,
/// not averages of many calls as in <see cref="DiagnosisBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 30, iterationCount: 2000, id: "PerCall")]
[Config(typeof(LatencyConfig))]
public class DiagnosisLatencyBenchmarks
{
    private DiagnosisEngine engine = null!;
    private string typicalPaste = "";
    private string megabytePaste = "";

    [GlobalSetup]
    public void Setup()
    {
        engine = new DiagnosisEngine(TopicCatalog.Load(RepositoryPaths.Content));
        var inputs = new DiagnosisBenchmarks();
        inputs.Setup();
        typicalPaste = inputs.Typical;
        megabytePaste = inputs.Megabyte;
    }

    [Benchmark(Description = "One diagnosis, typical paste (≤ 8 KB)")]
    public DiagnosisReport TypicalPaste() => engine.Diagnose(typicalPaste);

    [Benchmark(Description = "One diagnosis, 1 MB paste")]
    public DiagnosisReport MegabytePaste() => engine.Diagnose(megabytePaste);

    private sealed class LatencyConfig : ManualConfig
    {
        public LatencyConfig() => AddColumn(StatisticColumn.Median, StatisticColumn.P95, new P99Column(), StatisticColumn.Max);
    }
}
