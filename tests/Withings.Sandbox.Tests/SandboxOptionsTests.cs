using System.ComponentModel.DataAnnotations;

namespace Withings.Sandbox.Tests;

public class SandboxOptionsTests
{
    private static List<string> Problems(SandboxOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }

    [Fact]
    public void PortalAppMayUseLocalhostButTheDemoAppMayNot()
    {
        var options = new SandboxOptions
        {
            PortalApp = { ClientId = "p", ClientSecret = "s", CallbackUrl = "http://localhost:5000/cb" },
            DemoApp = { ClientId = "d", ClientSecret = "s", CallbackUrl = "http://localhost:5000/cb" },
        };

        var problems = Problems(options);
        Assert.NotEmpty(problems);
        Assert.All(problems, problem => Assert.StartsWith("Sandbox:DemoApp:CallbackUrl:", problem));
    }

    [Fact]
    public void ClientIdWithoutSecretIsAConfigurationError() =>
        Assert.Contains("Sandbox:DemoApp:ClientSecret is empty but Sandbox:DemoApp:ClientId is set.",
            Problems(new SandboxOptions { DemoApp = { ClientId = "d", CallbackUrl = "https://a.example/cb" } }));

    [Fact]
    public void UnknownFaultIsAConfigurationError() =>
        Assert.Single(Problems(new SandboxOptions { Fault = "sometimes" }));

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("2.00:00:00")]
    public void APurgeIntervalOutsideOneSecondToOneDayIsAConfigurationError(string interval) =>
        Assert.Equal(["Sandbox:PurgeInterval must be between 1 second and 1 day."],
            Problems(new SandboxOptions { PurgeInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) }));
}
