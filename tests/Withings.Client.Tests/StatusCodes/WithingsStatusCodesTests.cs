namespace Withings.Client.Tests.StatusCodes;

public class WithingsStatusCodesTests
{
    [Fact]
    public void CatalogHoldsAllOfficialCodesInOrder()
    {
        Assert.Equal(252, WithingsStatusCodes.All.Count);
        Assert.Equal(0, WithingsStatusCodes.All[0].Key);
        Assert.True(WithingsStatusCodes.All.Select(p => p.Key).SequenceEqual(WithingsStatusCodes.All.Select(p => p.Key).Order()));
    }

    [Theory]
    [InlineData(0, "Operation was successful")]
    [InlineData(100, "Authentication failed")]
    [InlineData(401, "Authentication failed")]
    [InlineData(503, "Invalid params")]
    [InlineData(293, "Invalid params")]
    [InlineData(522, "Timeout")]
    [InlineData(524, "Bad state")]
    [InlineData(601, "Too many request")]
    [InlineData(2554, "Not implemented")]
    [InlineData(2555, "Unauthorized")]
    [InlineData(342, "Invalid params")]
    [InlineData(4242, "Unknown status")]
    public void FamilyOfACodeIsTheOfficialOne(int status, string family) =>
        Assert.Equal(family, WithingsStatusCodes.FamilyOf(status));

    [Fact]
    public void EveryFamilyHasAdvice()
    {
        Assert.All(WithingsStatusCodes.FamilyNames, family => Assert.NotEqual(WithingsStatusCodes.AdviceFor(WithingsStatusCodes.Unknown), WithingsStatusCodes.AdviceFor(family)));
        Assert.Equal("Retry the call.", WithingsStatusCodes.AdviceForStatus(522));
        Assert.Equal("The service does not exist: check the path and the action.", WithingsStatusCodes.AdviceForStatus(2554));
        Assert.Contains("callbackurl", WithingsStatusCodes.AdviceForStatus(293));
        Assert.Equal(WithingsStatusCodes.AdviceFor(WithingsStatusCodes.InvalidParams), WithingsStatusCodes.AdviceForStatus(503));
    }

    [Theory]
    [InlineData("Timeout", true)]
    [InlineData("Invalid params", true)]
    [InlineData("An error occurred", true)]
    [InlineData("Too many request", false)]
    [InlineData("Bad state", false)]
    [InlineData("Operation was successful", false)]
    public void OnlyTheFamiliesWithingsAdvisesOnHaveOfficialAdvice(string family, bool official) =>
        Assert.Equal(official, WithingsStatusCodes.IsOfficialAdvice(family));
}
