using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Withings.Client;
using Withings.Portal.Playground;
using Withings.Portal.WithingsApi;

namespace Withings.Portal.Tests.Playground;

public class PlaygroundSetupTests
{
    private static PlaygroundSetup Setup(WithingsApiMode mode, string? callback) =>
        new(new WithingsApiSettings(mode, SandboxEnabled: true),
            Options.Create(new WithingsApiOptions { ClientId = "app", ClientSecret = "secret-value", CallbackUrl = callback }),
            new ServiceCollection().BuildServiceProvider());

    [Theory]
    [InlineData(null)]
    [InlineData("http://localhost:5191/playground/callback")]
    [InlineData("https://10.0.0.5/playground/callback")]
    public void WithingsModeSaysWhenThePublicHttpsCallbackIsMissing(string? callback)
    {
        Assert.Contains("public https callback", Setup(WithingsApiMode.Withings, callback).MissingPublicCallback);
    }

    [Fact]
    public void WithingsModeWithAPublicHttpsCallbackHasNothingMissing()
    {
        Assert.Null(Setup(WithingsApiMode.Withings, "https://portal.example.com/playground/callback").MissingPublicCallback);
    }

    [Fact]
    public async Task SandboxModeOnAPublicHostNeedsItsCallbackConfigured()
    {
        var (app, problem) = await Setup(WithingsApiMode.Sandbox, "http://localhost/playground/callback")
            .OwnAppAsync("https://portal.example.com", CancellationToken.None);

        Assert.Null(app);
        Assert.Contains("add https://portal.example.com/playground/callback to Sandbox:PortalApp:CallbackUrl", problem);
    }

    [Fact]
    public void TheAppsSecretNeverShowsInItsText()
    {
        Assert.DoesNotContain("secret-value", new PlaygroundApp("app", "secret-value", "https://x.example/cb", true).ToString());
    }
}
