using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Troubleshooting.Cases;

public class CaseOptionsTests
{
    [Theory]
    [InlineData("Cases:Lifetime", "00:00:01", "Cases:Lifetime")]
    [InlineData("Cases:PurgeInterval", "2.00:00:00", "Cases:PurgeInterval")]
    [InlineData("Cases:PermitLimit", "0", "PermitLimit")]
    public async Task BadCaseSettingsStopStartupWithAClearMessage(string key, string value, string expected)
    {
        await using var portal = new PortalFactory { Settings = { [key] = value } };
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient());

            Assert.Contains(expected, error.Message);
        }
        finally
        {
            portal.DeleteData();
        }
    }
}
