using Withings.Portal.Troubleshooting.Diagnosis;

namespace Withings.Portal.Tests.Troubleshooting.Diagnosis;

public class DiagnosisCorpusTests
{
    // Floors we actually reach (see the printed figures); they keep the engine from silently getting worse.
    private const double TuningTop1Floor = 0.97;
    private const double HeldOutTop1Floor = 0.95;

    // Issue 9: the self-written corpus keeps at least 0.98 top-1 while the engine learns real pastes.
    private const double AllTop1Floor = 0.98;

    private static readonly DiagnosisEngine Engine = new(TopicFiles.Catalog);

    [Theory]
    [MemberData(nameof(DiagnosisCorpus.Ids), MemberType = typeof(DiagnosisCorpus))]
    public void CorpusCaseGetsItsExpectedDiagnosis(string id)
    {
        var entry = DiagnosisCorpus.Get(id);

        var report = Engine.Diagnose(entry.Text);

        var ranked = string.Join(", ", report.Diagnoses.Select(d => $"{d.Topic} {d.Score:0.00}"));
        if (entry.Expect == DiagnosisCorpus.None)
        {
            Assert.True(report.Diagnoses.Count == 0, $"expected no diagnosis, got: {ranked}");
        }
        else
        {
            Assert.True(report.Diagnoses.Count > 0 && report.Diagnoses[0].Topic == entry.Expect,
                $"expected {entry.Expect} first, got: [{ranked}] ({report.Message})");
        }
    }

    [Fact]
    public void CorpusAccuracyIsPrintedAndHoldsItsFloor()
    {
        var tuning = Measure(DiagnosisCorpus.Cases.Where(c => !c.Heldout));
        var heldOut = Measure(DiagnosisCorpus.Cases.Where(c => c.Heldout));
        var all = Measure(DiagnosisCorpus.Cases);
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"tuning set:   {tuning}");
        output?.WriteLine($"held-out set: {heldOut}");
        output?.WriteLine($"all:          {all}");

        Assert.True(tuning.Top1 >= TuningTop1Floor, $"tuning top-1 {tuning}");
        Assert.True(heldOut.Cases == 0 || heldOut.Top1 >= HeldOutTop1Floor, $"held-out top-1 {heldOut}");
        Assert.True(all.Top1 >= AllTop1Floor, $"all top-1 {all}");
    }

    private static Accuracy Measure(IEnumerable<CorpusCase> cases)
    {
        int total = 0, top1 = 0, top3 = 0;
        foreach (var entry in cases)
        {
            total++;
            var topics = Engine.Diagnose(entry.Text).Diagnoses.Select(d => d.Topic).ToList();
            if (entry.Expect == DiagnosisCorpus.None)
            {
                top1 += topics.Count == 0 ? 1 : 0;
                top3 += topics.Count == 0 ? 1 : 0;
            }
            else
            {
                top1 += topics.FirstOrDefault() == entry.Expect ? 1 : 0;
                top3 += topics.Take(3).Contains(entry.Expect) ? 1 : 0;
            }
        }
        return new Accuracy(total, top1, top3);
    }

    private readonly record struct Accuracy(int Cases, int Top1Hits, int Top3Hits)
    {
        public double Top1 => Cases == 0 ? 1 : (double)Top1Hits / Cases;

        public double Top3 => Cases == 0 ? 1 : (double)Top3Hits / Cases;

        public override string ToString() =>
            $"{Cases} cases, top-1 {Top1:P1} ({Top1Hits}/{Cases}), top-3 {Top3:P1} ({Top3Hits}/{Cases})";
    }
}
