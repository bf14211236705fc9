using Withings.Portal.Troubleshooting.Diagnosis;

namespace Withings.Portal.Tests.Troubleshooting.Diagnosis;

public class PhraseIndexTests
{
    [Fact]
    public void PhrasesAreFoundCaseInsensitively()
    {
        var index = new PhraseIndex(["Invalid Params: invalid code", "CORS", "not here"]);

        var found = index.FindIn("Error: {'error': 'invalid params: INVALID CODE'} blocked by cors");

        Assert.Equal(["cors", "invalid params: invalid code"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(18, found["invalid params: invalid code"]);
    }

    [Fact]
    public void PhraseAfterManyRepeatsOfAnotherIsStillFound()
    {
        var index = new PhraseIndex(["withings", "same arguments in less than 10 seconds"]);
        var text = string.Concat(Enumerable.Repeat("withings poll\n", 50_000)) + "Same arguments in less than 10 seconds";

        var found = index.FindIn(text);

        Assert.Contains("same arguments in less than 10 seconds", found.Keys);
    }

    [Fact]
    public void OverlappingPhrasesAreAllFound()
    {
        var index = new PhraseIndex(["invalid code", "Invalid Params: invalid code", "params"]);

        Assert.Equal(3, index.FindIn("Invalid Params: invalid code").Count);
    }
}
