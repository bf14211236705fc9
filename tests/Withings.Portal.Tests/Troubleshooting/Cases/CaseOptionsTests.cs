using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Troubleshooting.Cases;

public class CaseOptionsTests
{
    [Theory]
    [InlineData("Cases:Lifetime", "00:00:01", "Cases:Lifetime")]
    [InlineData("Cases:PurgeInterval", "2.00:00:00", "Cases:PurgeInterval")]
    [InlineData("Cases:PermitLimit", "0", "PermitLimit")]
    public void BadCaseSettingsStopStartupWithAClearMessage(string key, string value, string expected)
    {
        var error = PortalFactory.StartupFailure(() => new PortalFactory { Settings = { [key] = value } });

        Assert.Contains(expected, error.Message);
    }
}
