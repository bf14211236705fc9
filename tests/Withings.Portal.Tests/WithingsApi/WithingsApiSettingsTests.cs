using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.WithingsApi;

public class WithingsApiSettingsTests
{
    [Theory]
    [InlineData("Withings:Mode", "Production", "'Production'")]
    [InlineData("Withings:Mode", "Withings", "Withings:ClientSecret")]
    [InlineData("Sandbox:AppRegistrationsPerHour", "0", "Sandbox:AppRegistrationsPerHour must be between 1 and 10000.")]
    [InlineData("Sandbox:SimulationsPerMinute", "0", "Sandbox:SimulationsPerMinute must be between 1 and 10000.")]
    [InlineData("Sandbox:ConsentsPerMinute", "-1", "Sandbox:ConsentsPerMinute must be between 1 and 10000.")]
    [InlineData("Sandbox:PurgeInterval", "00:00:00", "Sandbox:PurgeInterval must be between 1 second and 1 day.")]
    public void BadWithingsSettingsStopStartupWithAClearMessage(string key, string value, string expected)
    {
        var error = PortalFactory.StartupFailure(() => new PortalFactory { Settings = { [key] = value } });

        Assert.Contains(expected, error.Message);
    }

    /// <summary>User secrets are read in Development only, so elsewhere the message names what is read there.</summary>
    [Fact]
    public void OutsideDevelopmentAnIncompletePartnerAppNamesTheEnvironmentVariablesNotUserSecrets()
    {
        var error = PortalFactory.StartupFailure(() => new PortalFactory { Settings = { ["Withings:Mode"] = "Withings" } });

        Assert.Contains("Withings__ClientSecret", error.Message);
        Assert.DoesNotContain("user-secrets", error.Message);
    }
}
