using System.Globalization;
using System.Text;
using Withings.Portal.Troubleshooting.Diagnosis;

namespace Withings.Portal.Tests.Troubleshooting.Diagnosis;

/// <summary>
/// The engine measured on what integrators really posted. Only the tuning part's misses are printed (they are what
/// the engine may be improved from); the held-back part is measured and reported, never read case by case.
/// </summary>
public class RealCorpusTests
{
    // Issue 9's targets on the held-back part are top-1 0.9, top-3 0.97, negatives 0.9. They are not reached yet: these
    // floors are the figures measured at the end of the work (docs/PERFORMANCE.md), so the engine cannot get worse
    // unnoticed. Raise them as general improvements land; never tune on the held-back part. The negatives floor went
    // from 0.86 to 0.85 when 17 more other-service reports joined the corpus: the engine before that change measures
    // 0.853 (29/34) on the grown corpus too, so the drop is the new texts, not a regression. The top-1 floor went from
    // 0.75 to 0.739 when round 3 added 38 Withings reports and 27 other-service texts: the unchanged engine of main
    // measures 71/96 = 0.7396 on that grown corpus, so again the drop is the new texts; with the round's last four
    // reports and its two wordings the held-back part measured 73/98, 81/98 and 41/47. Round 4 (same corpus, same split)
    // changed only general reading (refresh steps named in prose, wordings found across a wrapped line, HTTP statuses
    // told with "HTTP" or their reason phrase) and topic wordings; the held-back part then measures 77/98, 84/98 and
    // 42/47. Round 5 (same corpus, same split) changed the gate for connection failures (no answer, so no Withings
    // wording can be in them), read a refresh step as counter-evidence for client-id-missing, and let other services'
    // failures at the end of a text win over a Withings tool's informational lines; the held-back part then measures
    // 79/98, 85/98 and 42/47, the floors below, rounded down. Round 6 added 44 texts from new threads (marked
    // `added: round6`); the part held back before it keeps its own floors, and the whole held-back part gets floors of
    // its own (main's unchanged engine measures 81/101, 87/101 and 58/64 on it). After the round's general changes (the
    // lastupdate fact gained one top-3 in each) the parts measure 79/98, 86/98, 42/47 and 81/101, 88/101, 58/64: the
    // floors below, rounded down. Round 7 added 19 texts from new threads (marked `added: round7`; the 4 that fell in
    // the held-back part are all other-service texts) and changed no engine code: the part held back before it keeps
    // the round-6 figures (81/101, 88/101, 58/64) as its own floors, and the whole held-back part measures 81/101,
    // 88/101 and 62/68, so only its negatives floor rises (0.906 to 0.911). Round 8 (same corpus, same split) replaced the
    // wording fallback (TopicSuggester) and added general wordings; the parts then measure 80/98, 87/98, 42/47 (before
    // round 6), 82/101, 89/101, 58/64 (before round 7) and 82/101, 89/101, 62/68 (all): the floors below, rounded down.
    // Round 10 added 27 texts from new sources (marked `added: round10`: notes, audits, commits and code comments of
    // Withings integrations found by their exact error strings) and changed no engine code. The 10 that fell in the
    // held-back part (4 reports, 6 other-service texts) were measured blind: 4/4 reports right, 5/6 other-service texts
    // rejected. The part held back before it keeps the round-8 figures as its own floors; the whole part measures
    // 86/105, 93/105 and 67/74. On 2026-12-07 an exploratory review found that Withings' own authorize2 wordings
    // ("Client id not authorized", "Invalid clientid") were not counted as Withings evidence on their own; marked so in
    // the topic's front matter (no held-back text was looked at), the whole part measures 87/105, 94/105 and 67/74.
    // Round 12 added 23 texts from sources new to the corpus (marked `added: round12`). The 9 that fell in the held-back
    // part were measured blind: 2/2 reports right, 7/7 other-service texts rejected (89/107, 96/107, 74/81 in all). One
    // tuning text then turned out to be the fix of an incident already held back (a pull request closing a held-back
    // issue); it belongs to that thread, so it moved to the held-back part, where it is a miss: 89/108, 96/108 and
    // 74/81, the floors below, rounded down; the part held back before round 12 keeps the previous figures as its own.
    private const double HeldBackTop1Floor = 0.816;
    private const double HeldBackTop3Floor = 0.887;
    private const double HeldBackNegativesFloor = 0.893;
    private const double HeldBackBeforeRound7Top1Floor = 0.811;
    private const double HeldBackBeforeRound7Top3Floor = 0.881;
    private const double HeldBackBeforeRound7NegativesFloor = 0.906;
    private const double HeldBackBeforeRound10Top1Floor = 0.811;
    private const double HeldBackBeforeRound10Top3Floor = 0.881;
    private const double HeldBackBeforeRound10NegativesFloor = 0.911;
    private const double HeldBackBeforeRound12Top1Floor = 0.828;
    private const double HeldBackBeforeRound12Top3Floor = 0.895;
    private const double HeldBackBeforeRound12NegativesFloor = 0.905;
    private const double GrownHeldBackTop1Floor = 0.824;
    private const double GrownHeldBackTop3Floor = 0.888;
    private const double GrownHeldBackNegativesFloor = 0.913;

    private static readonly DiagnosisEngine Engine = new(TopicFiles.Catalog);

    [Fact]
    public void EveryCaseHasASourceAThreadAndAKnownLabel()
    {
        var topics = TopicFiles.Catalog.Topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in RealCorpus.Cases)
        {
            Assert.True(entry.Source.StartsWith("https://", StringComparison.Ordinal), $"{entry.Id}: source '{entry.Source}'");
            Assert.True(entry.Thread.StartsWith("https://", StringComparison.Ordinal), $"{entry.Id}: thread '{entry.Thread}'");
            Assert.True(entry.Expect == RealCorpus.None || topics.Contains(entry.Expect), $"{entry.Id}: label '{entry.Expect}'");
            Assert.False(string.IsNullOrWhiteSpace(entry.Text), $"{entry.Id}: no text");
        }
    }

    [Fact]
    public void SeenElsewhereThreadsAreReportsOfTheSameTopicInTheCorpus()
    {
        foreach (var topic in TopicFiles.Catalog.Topics)
        {
            foreach (var thread in topic.Meta.SeenElsewhere)
            {
                Assert.Contains(RealCorpus.Cases, c => c.Thread == thread.Url && c.Expect == topic.Id);
            }
        }
    }

    [Fact]
    public void AtLeastAThirdOfTheCasesIsHeldBackByThread()
    {
        var heldBack = RealCorpus.HeldBack.ToList();

        Assert.True(heldBack.Count * 3 >= RealCorpus.Cases.Count, $"{heldBack.Count} of {RealCorpus.Cases.Count} held back");
        var heldThreads = heldBack.Select(c => c.Thread).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(RealCorpus.Tuning, c => heldThreads.Contains(c.Thread));
    }

    [Fact]
    public void FiguresArePrintedAndTheHeldBackPartMeetsItsTargets()
    {
        var tuning = Measure(RealCorpus.Tuning);
        var heldBack = Measure(RealCorpus.HeldBack);
        var heldBackBeforeRound6 = Measure(RealCorpus.HeldBackBeforeRound(6));
        var heldBackBeforeRound7 = Measure(RealCorpus.HeldBackBeforeRound(7));
        var heldBackBeforeRound10 = Measure(RealCorpus.HeldBackBeforeRound(10));
        var heldBackBeforeRound12 = Measure(RealCorpus.HeldBackBeforeRound(12));
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"tuning part:    {tuning}");
        output?.WriteLine($"held-back part: {heldBack}");
        output?.WriteLine($"held-back part without the cases added in round 6: {heldBackBeforeRound6}");
        output?.WriteLine($"held-back part without the cases added in round 7: {heldBackBeforeRound7}");
        output?.WriteLine($"held-back part without the cases added in round 10: {heldBackBeforeRound10}");
        output?.WriteLine($"held-back part without the cases added in round 12: {heldBackBeforeRound12}");
        output?.WriteLine($"round 12's texts alone, held back: {Measure(RealCorpus.AddedInRound(RealCorpus.HeldBack, 12))}");
        output?.WriteLine($"round 12's texts alone, tuning:    {Measure(RealCorpus.AddedInRound(RealCorpus.Tuning, 12))}");
        output?.WriteLine("");
        output?.WriteLine("texts turned away for naming no API at all, and the nearest topics offered apart from any diagnosis:");
        output?.WriteLine($"  tuning:    {tuning.Nearest}");
        output?.WriteLine($"  held back: {heldBack.Nearest}");
        output?.WriteLine("");
        output?.WriteLine("per topic (tuning | held-back):");
        foreach (var topic in tuning.PerTopic.Keys.Union(heldBack.PerTopic.Keys).Order(StringComparer.Ordinal))
        {
            output?.WriteLine($"  {topic,-28} {Cell(tuning, topic),-22} | {Cell(heldBack, topic)}");
        }
        output?.WriteLine("");
        output?.WriteLine("how the misses went wrong (tuning | held-back):");
        foreach (var kind in tuning.MissKinds.Keys.Union(heldBack.MissKinds.Keys).Order(StringComparer.Ordinal))
        {
            output?.WriteLine($"  {kind,-58} {tuning.MissKinds.GetValueOrDefault(kind),3} | {heldBack.MissKinds.GetValueOrDefault(kind),3}");
        }
        output?.WriteLine("");
        output?.WriteLine("tuning misses:");
        foreach (var miss in tuning.Misses)
        {
            output?.WriteLine(miss);
        }

        Assert.True(heldBackBeforeRound6.Top1 >= HeldBackTop1Floor, $"held-back before round 6 {heldBackBeforeRound6}");
        Assert.True(heldBackBeforeRound6.Top3 >= HeldBackTop3Floor, $"held-back before round 6 {heldBackBeforeRound6}");
        Assert.True(heldBackBeforeRound6.NegativesRejected >= HeldBackNegativesFloor, $"held-back before round 6 {heldBackBeforeRound6}");
        Assert.True(heldBackBeforeRound7.Top1 >= HeldBackBeforeRound7Top1Floor, $"held-back before round 7 {heldBackBeforeRound7}");
        Assert.True(heldBackBeforeRound7.Top3 >= HeldBackBeforeRound7Top3Floor, $"held-back before round 7 {heldBackBeforeRound7}");
        Assert.True(heldBackBeforeRound7.NegativesRejected >= HeldBackBeforeRound7NegativesFloor, $"held-back before round 7 {heldBackBeforeRound7}");
        Assert.True(heldBackBeforeRound10.Top1 >= HeldBackBeforeRound10Top1Floor, $"held-back before round 10 {heldBackBeforeRound10}");
        Assert.True(heldBackBeforeRound10.Top3 >= HeldBackBeforeRound10Top3Floor, $"held-back before round 10 {heldBackBeforeRound10}");
        Assert.True(heldBackBeforeRound10.NegativesRejected >= HeldBackBeforeRound10NegativesFloor, $"held-back before round 10 {heldBackBeforeRound10}");
        Assert.True(heldBackBeforeRound12.Top1 >= HeldBackBeforeRound12Top1Floor, $"held-back before round 12 {heldBackBeforeRound12}");
        Assert.True(heldBackBeforeRound12.Top3 >= HeldBackBeforeRound12Top3Floor, $"held-back before round 12 {heldBackBeforeRound12}");
        Assert.True(heldBackBeforeRound12.NegativesRejected >= HeldBackBeforeRound12NegativesFloor, $"held-back before round 12 {heldBackBeforeRound12}");
        Assert.True(heldBack.Top1 >= GrownHeldBackTop1Floor, $"held-back {heldBack}");
        Assert.True(heldBack.Top3 >= GrownHeldBackTop3Floor, $"held-back {heldBack}");
        Assert.True(heldBack.NegativesRejected >= GrownHeldBackNegativesFloor, $"held-back {heldBack}");
    }

    /// <summary>
    /// The fallback for texts no rule matches, measured alone on every labelled report, as if no rule had matched: the
    /// topics closest by wording (<see cref="TopicSuggester"/>). Content search did this before, at 67/131 (tuning),
    /// 169/238 (self-written) and 60/101 (held back) top-1.
    /// </summary>
    [Fact]
    public void TheWordingFallbackAloneRanksTheRightTopicFirstForMostReports()
    {
        var suggester = new TopicSuggester(TopicFiles.Catalog);
        (int Top1, int Top3, int Count) Measure(IEnumerable<(string Expect, string Text)> cases)
        {
            var (top1, top3, count) = (0, 0, 0);
            foreach (var (expect, text) in cases.Where(c => c.Expect != RealCorpus.None))
            {
                var topics = suggester.Suggest(text).Select(d => d.Topic).ToList();
                count++;
                top1 += topics.FirstOrDefault() == expect ? 1 : 0;
                top3 += topics.Contains(expect) ? 1 : 0;
            }
            return (top1, top3, count);
        }

        var tuning = Measure(RealCorpus.Tuning.Select(c => (c.Expect, c.Text)));
        var selfWritten = Measure(DiagnosisCorpus.Cases.Select(c => (c.Expect, c.Text)));
        var heldBack = Measure(RealCorpus.HeldBack.Select(c => (c.Expect, c.Text)));
        foreach (var (name, figures) in new[] { ("tuning", tuning), ("self-written", selfWritten), ("held back", heldBack) })
        {
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"wording fallback alone, {name}: top-1 {figures.Top1}/{figures.Count}, top-3 {figures.Top3}/{figures.Count}");
        }

        Assert.True(tuning.Top1 >= 0.6 * tuning.Count, $"tuning top-1 {tuning.Top1}/{tuning.Count}");
        Assert.True(selfWritten.Top1 >= 0.75 * selfWritten.Count, $"self-written top-1 {selfWritten.Top1}/{selfWritten.Count}");
    }

    private static string Cell(Figures figures, string topic) =>
        figures.PerTopic.TryGetValue(topic, out var t) ? $"{t.Top1}/{t.Cases} top-1, {t.Top3}/{t.Cases} top-3" : "—";

    private static Figures Measure(IEnumerable<RealCase> cases)
    {
        var figures = new Figures();
        foreach (var entry in cases)
        {
            var report = Engine.Diagnose(entry.Text);
            var topics = report.Diagnoses.Select(d => d.Topic).ToList();
            var unnamed = report.Outcome == DiagnosisOutcome.NotWithings && report.Signals is { PointsElsewhere: false };
            var nearest = report.NearestIfWithings.Select(d => d.Topic).ToList();
            if (entry.Expect == RealCorpus.None)
            {
                figures.UnnamedNegatives += unnamed ? 1 : 0;
                figures.NegativesShownNearest += nearest.Count > 0 ? 1 : 0;
            }
            else if (unnamed)
            {
                figures.UnnamedReports++;
                figures.NearestTop3 += nearest.Contains(entry.Expect) ? 1 : 0;
                figures.NearestTop1 += nearest.FirstOrDefault() == entry.Expect ? 1 : 0;
            }
            if (entry.Expect == RealCorpus.None)
            {
                figures.Negatives++;
                if (topics.Count == 0)
                {
                    figures.Rejected++;
                }
                else
                {
                    figures.Misses.Add(Describe(entry, report));
                }
                continue;
            }
            var top1 = topics.FirstOrDefault() == entry.Expect;
            var top3 = topics.Take(3).Contains(entry.Expect);
            figures.Positives++;
            figures.Top1Hits += top1 ? 1 : 0;
            figures.Top3Hits += top3 ? 1 : 0;
            figures.FromSearch += top1 && report.Diagnoses[0].FromSearch ? 1 : 0;
            var perTopic = figures.PerTopic.GetValueOrDefault(entry.Expect);
            figures.PerTopic[entry.Expect] = (perTopic.Cases + 1, perTopic.Top1 + (top1 ? 1 : 0), perTopic.Top3 + (top3 ? 1 : 0));
            if (!top1)
            {
                figures.Misses.Add(Describe(entry, report));
                var kind = report.Outcome switch
                {
                    DiagnosisOutcome.NotWithings when report.Signals is { PointsElsewhere: true } => "turned away: names another service, not Withings",
                    DiagnosisOutcome.NotWithings => "turned away: names neither Withings nor another service",
                    DiagnosisOutcome.NoMatch => top3 ? "weaker suggestions, the topic among them" : "weaker suggestions, the topic not among them",
                    _ => top3 ? "another topic diagnosed first, the topic in the top 3" : "other topics diagnosed, the topic not in the top 3",
                };
                figures.MissKinds[kind] = figures.MissKinds.GetValueOrDefault(kind) + 1;
            }
        }
        return figures;
    }

    private static string Describe(RealCase entry, DiagnosisReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"- {entry.Id}: expected {entry.Expect}, got [");
        text.AppendJoin(", ", report.Diagnoses.Select(d => $"{d.Topic} {d.Score:0.00}{(d.FromSearch ? " (search)" : "")}"));
        text.Append(CultureInfo.InvariantCulture, $"] {report.Outcome}");
        if (report.Diagnoses.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; why first: {string.Join(" / ", report.Diagnoses[0].Evidence)}");
        }
        if (report.Signals is { } signals)
        {
            text.Append(CultureInfo.InvariantCulture, $"; markers: {string.Join(" / ", signals.WithingsMarkers)}; other: {string.Join(",", signals.OtherVendors)}");
        }
        return text.ToString();
    }

    private sealed class Figures
    {
        public int Positives { get; set; }
        public int Top1Hits { get; set; }
        public int Top3Hits { get; set; }
        public int FromSearch { get; set; }
        public int Negatives { get; set; }
        public int Rejected { get; set; }
        public Dictionary<string, (int Cases, int Top1, int Top3)> PerTopic { get; } = new(StringComparer.Ordinal);
        public List<string> Misses { get; } = [];

        /// <summary>How the misses went wrong, counted: an aggregate, so it may be printed for the held-back part too.</summary>
        public Dictionary<string, int> MissKinds { get; } = new(StringComparer.Ordinal);

        /// <summary>Reports turned away for naming no API, those whose topic is among / first of the nearest topics offered.</summary>
        public int UnnamedReports { get; set; }
        public int NearestTop3 { get; set; }
        public int NearestTop1 { get; set; }

        /// <summary>Other-service texts turned away for naming no API, and those shown nearest topics anyway.</summary>
        public int UnnamedNegatives { get; set; }
        public int NegativesShownNearest { get; set; }

        public string Nearest =>
            $"{UnnamedReports} reports, their topic among the nearest {NearestTop3} (first {NearestTop1}); " +
            $"{UnnamedNegatives} other-service texts, {NegativesShownNearest} of them shown nearest topics";

        public double Top1 => Positives == 0 ? 1 : (double)Top1Hits / Positives;
        public double Top3 => Positives == 0 ? 1 : (double)Top3Hits / Positives;
        public double NegativesRejected => Negatives == 0 ? 1 : (double)Rejected / Negatives;

        public override string ToString() =>
            $"{Positives} reports: top-1 {Top1:0.000} ({Top1Hits}/{Positives}, {FromSearch} of them from search), " +
            $"top-3 {Top3:0.000} ({Top3Hits}/{Positives}); {Negatives} other-service texts: rejected {NegativesRejected:0.000} ({Rejected}/{Negatives})";
    }
}
