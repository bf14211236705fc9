using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Withings.Portal.Tests.Troubleshooting.Diagnosis;

/// <summary>
/// The reports of <c>real-corpus.yaml</c>: what people posted in public threads of Withings integrations, each with
/// its source. Split by thread into a tuning part and a held-back part, so the engine is never tuned on a thread it is
/// measured on.
/// </summary>
public static class RealCorpus
{
    public const string None = "none";

    /// <summary>
    /// Share of threads held back, in percent of the hash range. Fixed before the first measurement; 40 keeps the
    /// held-back part above a third whatever the exact thread count.
    /// </summary>
    public const int HeldBackPercent = 40;

    private static readonly Lazy<IReadOnlyList<RealCase>> LazyCases = new(Load);

    public static IReadOnlyList<RealCase> Cases => LazyCases.Value;

    public static IEnumerable<RealCase> Tuning => Cases.Where(c => !IsHeldBack(c));

    public static IEnumerable<RealCase> HeldBack => Cases.Where(IsHeldBack);

    /// <summary>The held-back cases of the corpus as it stood before the given collection round (the first five rounds
    /// carry no <c>added</c> mark; later ones are marked <c>added: roundN</c>).</summary>
    public static IEnumerable<RealCase> HeldBackBeforeRound(int round) => HeldBack.Where(c => RoundOf(c) < round);

    /// <summary>The cases a collection round brought in.</summary>
    public static IEnumerable<RealCase> AddedInRound(IEnumerable<RealCase> part, int round) => part.Where(c => RoundOf(c) == round);

    private static int RoundOf(RealCase entry) =>
        string.IsNullOrEmpty(entry.Added) ? 0
        : entry.Added.StartsWith("round", StringComparison.Ordinal) && int.TryParse(entry.Added.AsSpan(5), out var round) ? round
        : throw new InvalidDataException($"{entry.Id}: 'added: {entry.Added}' is not a collection round (roundN)");

    /// <summary>The first 8 bytes of SHA-256 of the thread URL, modulo 100: stable across runs, machines and orderings.</summary>
    public static bool IsHeldBack(RealCase entry)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(entry.Thread.Trim()));
        return BitConverter.ToUInt64(hash, 0) % 100 < HeldBackPercent;
    }

    private static IReadOnlyList<RealCase> Load()
    {
        var path = Path.Combine(TopicFiles.RepositoryRoot, "tests", "Withings.Portal.Tests", "Troubleshooting", "Diagnosis", "real-corpus.yaml");
        var yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var cases = yaml.Deserialize<List<RealCase>>(File.ReadAllText(path));
        var duplicate = cases.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? cases : throw new InvalidOperationException($"real corpus id '{duplicate.Key}' is used twice");
    }
}

public sealed class RealCase
{
    public string Id { get; set; } = "";

    /// <summary>The topic a Withings expert would give, or <see cref="RealCorpus.None"/> for a text about another service.</summary>
    public string Expect { get; set; } = "";

    public string Source { get; set; } = "";

    /// <summary>The thread the report belongs to; the split is by thread, so one thread never lands in both parts.</summary>
    public string Thread { get; set; } = "";

    public string Title { get; set; } = "";

    public string FixedBy { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>Why a label differs from what the collector first wrote (kept visible, never silent).</summary>
    public string? Relabel { get; set; }

    /// <summary>
    /// The collection round that brought the case in, when after the first five (<c>round6</c>, <c>round7</c>…); empty for the
    /// original corpus. Lets the held-back part be measured as it was before a round added texts to it.
    /// </summary>
    public string? Added { get; set; }
}
