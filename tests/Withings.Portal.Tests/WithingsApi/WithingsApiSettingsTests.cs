using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.WithingsApi;

public class WithingsApiSettingsTests
{
    [Theory]
    [InlineData("Withings:Mode", "Production", "'Production'")]
    [InlineData("Withings:Mode", "Withings", "Withings:ClientSecret")]
    public void BadWithingsSettingsStopStartupWithAClearMessage(string key, string value, string expected)
    {
        var error = PortalFactory.StartupFailure(() => new PortalFactory { Settings = { [key] = value } });

        Assert.Contains(expected, error.Message);
    }
}
