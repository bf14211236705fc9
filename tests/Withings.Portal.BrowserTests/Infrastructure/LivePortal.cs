using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.BrowserTests.Infrastructure;

/// <summary>The portal on Kestrel at a free loopback port, with its own SQLite file, for a browser to visit.</summary>
public sealed class LivePortal : IAsyncLifetime
{
    public PortalFactory Factory { get; } = new();

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
