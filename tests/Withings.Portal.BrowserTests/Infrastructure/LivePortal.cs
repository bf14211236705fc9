using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.BrowserTests.Infrastructure;

/// <summary>The portal on Kestrel at a free loopback port, with its own SQLite file, for a browser to visit.</summary>
public sealed class LivePortal : IAsyncLifetime
{
    /// <summary>
    /// The portal, with the playground's per-address call limit lifted: every test of a class is one visitor to it
    /// (all from 127.0.0.1), so a journey that checks a whole sample-data list would otherwise use up the minute's
    /// calls of the next test, in whatever order the run picked. The limit itself is tested without a browser.
    /// </summary>
    public PortalFactory Factory { get; } = new() { Settings = { ["Playground:CallsPerMinute"] = "1000" } };

    public Uri BaseAddress { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());
        return ValueTask.CompletedTask;
    }

    public Uri Url(string relative) => new(BaseAddress, relative);

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Factory.DeleteData();
    }
}
