using Withings.Portal.Troubleshooting.Cases;

namespace Withings.Portal.Tests.Troubleshooting.Cases;

public class CaseIdsTests
{
    [Fact]
    public void NewIdsAreWellFormedUrlSafeAndDistinct()
    {
        var ids = Enumerable.Range(0, 2000).Select(_ => CaseIds.New()).ToList();

        Assert.All(ids, id => Assert.True(CaseIds.IsWellFormed(id), id));
        Assert.All(ids, id => Assert.Equal(id, Uri.EscapeDataString(id)));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void IdsCarryAtLeast128RandomBits()
    {
        const int alphabetSize = 32;

        Assert.True(CaseIds.Length * Math.Log2(alphabetSize) >= 128);
    }

    [Fact]
    public void EveryCharacterOfTheAlphabetTurnsUp()
    {
        var seen = string.Concat(Enumerable.Range(0, 200).Select(_ => CaseIds.New())).Distinct().Count();

        Assert.Equal(32, seen);
    }
}
