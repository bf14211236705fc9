using BenchmarkDotNet.Attributes;
using Withings.Portal.Troubleshooting.Diagnosis;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Benchmarks.Troubleshooting;

/// <summary>
/// One call per measurement (<see cref="SingleCallLatencyConfig"/>), so P95/P99/Max are per-diagnosis latencies including GC pauses,
/// not averages of many calls as in <see cref="DiagnosisBenchmarks"/>.
/// </summary>
[Config(typeof(SingleCallLatencyConfig))]
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
}
