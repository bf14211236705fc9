using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Withings.Portal.Tests.Troubleshooting.Diagnosis;

/// <summary>The realistic pastes of <c>diagnosis-corpus.yaml</c>, read from the checkout next to this file.</summary>
public static class DiagnosisCorpus
{
    public const string None = "none";

    private static readonly Lazy<IReadOnlyList<CorpusCase>> LazyCases = new(Load);

    public static IReadOnlyList<CorpusCase> Cases => LazyCases.Value;

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Cases)
        {
            data.Add(entry.Id);
        }
        return data;
    }

    public static CorpusCase Get(string id) => Cases.Single(c => c.Id == id);

    private static IReadOnlyList<CorpusCase> Load()
    {
        var path = Path.Combine(TopicFiles.RepositoryRoot, "tests", "Withings.Portal.Tests", "Troubleshooting", "Diagnosis", "diagnosis-corpus.yaml");
        var yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var cases = yaml.Deserialize<List<CorpusCase>>(File.ReadAllText(path));
        var duplicate = cases.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? cases : throw new InvalidOperationException($"corpus id '{duplicate.Key}' is used twice");
    }
}

public sealed class CorpusCase
{
    public string Id { get; set; } = "";

    public string Expect { get; set; } = "";

    public bool Heldout { get; set; }

    public string Text { get; set; } = "";
}
