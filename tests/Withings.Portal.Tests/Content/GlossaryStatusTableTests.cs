using System.Globalization;
using System.Text.RegularExpressions;
using Withings.Client;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Content;

/// <summary>
/// The glossary's table of status families is written by hand; the official list (the client's embedded copy of
/// <c>status-codes.json</c>) and the client's advice per family are the source. This holds the page to them.
/// </summary>
public partial class GlossaryStatusTableTests
{
    private static readonly IReadOnlyList<(string Family, string Codes, string Advice)> Rows = ReadTable();

    [Fact]
    public void EveryOfficialFamilyHasARow()
    {
        Assert.Equal(WithingsStatusCodes.FamilyNames.Order(StringComparer.Ordinal), Rows.Select(r => r.Family).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryCodeListedBelongsToItsFamily()
    {
        var wrong = Rows
            .SelectMany(row => Codes(row.Codes).Select(code => (row.Family, Code: code)))
            .Where(c => WithingsStatusCodes.FamilyOf(c.Code) != c.Family)
            .Select(c => $"{c.Code} is listed under “{c.Family}” but is “{WithingsStatusCodes.FamilyOf(c.Code)}”")
            .ToList();

        Assert.Empty(wrong);
        Assert.All(Rows, row => Assert.NotEmpty(Codes(row.Codes)));
    }

    [Fact]
    public void AdviceIsTheClientsAdviceForTheFamily()
    {
        Assert.All(Rows, row => Assert.Equal(WithingsStatusCodes.AdviceFor(row.Family), row.Advice));
    }

    private static List<int> Codes(string cell)
    {
        var codes = new List<int>();
        foreach (Match range in CodeRange().Matches(cell))
        {
            var first = int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture);
            var last = range.Groups[2].Success ? int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture) : first;
            codes.AddRange(Enumerable.Range(first, last - first + 1));
        }
        return codes;
    }

    private static List<(string, string, string)> ReadTable()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Content, "glossary", "status-code.md"));
        var section = text[text.IndexOf("## Families", StringComparison.Ordinal)..];
        return section.Split('\n')
            .SkipWhile(line => !line.StartsWith("| family", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .Select(cells => (cells[0], cells[1], cells[2]))
            .ToList();
    }

    [GeneratedRegex(@"\b(\d+)(?:–(\d+))?\b")]
    private static partial Regex CodeRange();
}
