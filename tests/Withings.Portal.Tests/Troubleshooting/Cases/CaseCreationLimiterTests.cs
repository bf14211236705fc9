using Microsoft.Extensions.Options;
using Withings.Portal.Troubleshooting.Cases;

namespace Withings.Portal.Tests.Troubleshooting.Cases;

public class CaseCreationLimiterTests
{
    [Fact]
    public void ClientOverItsLimitIsRefusedWhileOthersGoOn()
    {
        using var limiter = new CaseCreationLimiter(Options.Create(new CaseOptions { PermitLimit = 2, Window = TimeSpan.FromHours(1) }));

        var first = new[] { limiter.TryAcquire("203.0.113.7"), limiter.TryAcquire("203.0.113.7"), limiter.TryAcquire("203.0.113.7") };
        var other = limiter.TryAcquire("198.51.100.2");

        Assert.Equal([true, true, false], first);
        Assert.True(other);
    }

    [Fact]
    public void UnknownAddressesShareOneAllowance()
    {
        using var limiter = new CaseCreationLimiter(Options.Create(new CaseOptions { PermitLimit = 1, Window = TimeSpan.FromHours(1) }));

        Assert.True(limiter.TryAcquire(null));
        Assert.False(limiter.TryAcquire(""));
    }
}
