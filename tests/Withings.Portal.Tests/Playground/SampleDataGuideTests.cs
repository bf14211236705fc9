using Withings.Client;
using Withings.Portal.Playground;

namespace Withings.Portal.Tests.Playground;

/// <summary>The likely reasons an empty check lists are the ones its call can have, given the parameters it takes.</summary>
public class SampleDataGuideTests
{
    private static readonly PlaygroundLink LinkWithEveryScope = LinkWith("user.info,user.metrics,user.activity");

    private static PlaygroundLink LinkWith(string scopes) =>
        new(new PlaygroundApp("client", "secret", "https://example.org/cb", BroughtByVisitor: false),
            new TokenResponse("1", "access", "refresh", 10800, scopes, "Bearer"), DateTimeOffset.UnixEpoch);

    private static SampleDataItem Item(string id) => SampleDataGuide.Items.Single(item => item.Id == id);

    /// <summary>getdevice takes no window and no lastupdate, and "check getdevice" on its own row sent the user in a circle.</summary>
    [Fact]
    public void AnEmptyDeviceListNamesNoWindowNoLastUpdateAndDoesNotSendTheUserToGetdevice()
    {
        var reasons = SampleDataGuide.LikelyReasons(Item("getdevice"), LinkWithEveryScope);

        var reason = Assert.Single(reasons);
        Assert.Contains("takes no dates", reason);
        Assert.Contains(Item("getdevice").RealLife, reason);
        Assert.DoesNotContain("window", reason);
        Assert.DoesNotContain("lastupdate", reason);
        Assert.DoesNotContain("check getdevice", reason);
    }

    [Fact]
    public void AnEmptyDayServiceNamesItsWindowLastUpdateAndAMissingDevice()
    {
        var reasons = SampleDataGuide.LikelyReasons(Item("getactivity"), LinkWithEveryScope);

        Assert.Collection(reasons,
            window => Assert.Contains("the last 7 days", window),
            lastUpdate => Assert.StartsWith("With lastupdate", lastUpdate),
            device => Assert.Contains("check getdevice", device));
    }

    /// <summary>getintradayactivity and sleep get take a start and an end but no lastupdate.</summary>
    [Theory]
    [InlineData("getintradayactivity")]
    [InlineData("sleep-get")]
    [InlineData("heart-list")]
    public void ACallWithoutLastUpdateIsNotToldToLeaveItOut(string id)
    {
        var reasons = SampleDataGuide.LikelyReasons(Item(id), LinkWithEveryScope);

        Assert.Contains(reasons, reason => reason.StartsWith("Nothing produced data in the window checked", StringComparison.Ordinal));
        Assert.DoesNotContain(reasons, reason => reason.Contains("lastupdate", StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingScopeComesFirst()
    {
        var reasons = SampleDataGuide.LikelyReasons(Item("sleep-getsummary"), LinkWith("user.info,user.metrics"));

        Assert.StartsWith("The token lacks user.activity", reasons[0]);
    }
}
