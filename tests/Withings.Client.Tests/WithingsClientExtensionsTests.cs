using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Withings.Client.Tests;

public class WithingsClientExtensionsTests
{
    [Fact]
    public void HostBuilderBindsTheWithingsSectionAndDefaultsToTheRealHosts()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Withings:ClientId"] = "from-config";
        builder.AddWithingsClient();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<WithingsApiOptions>>().Value;

        Assert.Equal("from-config", options.ClientId);
        Assert.Equal("https://account.withings.com", options.AccountBaseUrl);
        Assert.Equal("https://wbsapi.withings.net", options.ApiBaseUrl);
        Assert.NotNull(host.Services.GetRequiredService<WithingsClient>());
    }

    [Fact]
    public void InvalidBaseUrlFailsValidation()
    {
        var services = new ServiceCollection();
        services.AddWithingsClient(o => o.ApiBaseUrl = "wbsapi.withings.net");
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WithingsApiOptions>>().Value);
    }
}
