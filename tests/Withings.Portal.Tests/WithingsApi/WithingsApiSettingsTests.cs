using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.WithingsApi;

public class WithingsApiSettingsTests
{
    [Theory]
    [InlineData("Withings:Mode", "Production", "'Production'")]
    [InlineData("Withings:Mode", "Withings", "Withings:ClientSecret")]
    public async Task BadWithingsSettingsStopStartupWithAClearMessage(string key, string value, string expected)
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
