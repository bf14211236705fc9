using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Withings.Sandbox;

namespace Withings.Portal.WithingsApi;

/// <summary>
/// Connects HTTP clients to this very process, whatever port it listens on: in sandbox mode the typed Withings client
/// calls <c>http://localhost/sandbox/...</c> and every connection is made to the portal's own loopback endpoint. The
/// same code path as the real API (real HTTP, real serialization), with no base URL to configure per machine.
/// </summary>
public sealed class OwnServerLoopback(IServer server)
{
    public const string Host = "localhost";

    /// <summary>The embedded sandbox as the portal's own server-side calls address it.</summary>
    public const string SandboxBase = $"http://{Host}{SandboxLayout.PortalMount}";

    /// <summary>Where the embedded sandbox posts notifications inside the portal (the playground's inbox), followed by an inbox id.</summary>
    public const string InboxPath = "/playground/inbox/";

    /// <summary>The origin server-side calls are written to.</summary>
    public const string Origin = $"http://{Host}";

    /// <summary>
    /// A URL the portal called over loopback as a reader can open it: the portal's public <paramref name="origin"/> in place
    /// of <see cref="Origin"/>. Other URLs (the real Withings hosts) are returned as they are.
    /// </summary>
    public static string AsSeenFrom(string url, string origin) =>
        url.StartsWith(SandboxBase, StringComparison.Ordinal) ? origin.TrimEnd('/') + url[Origin.Length..] : url;

    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        UseProxy = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(Endpoint(), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private IPEndPoint Endpoint()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            if (address.StartsWith("http://", StringComparison.OrdinalIgnoreCase) &&
                BindingAddress.Parse(address) is { Port: > 0 } binding)
            {
                return new IPEndPoint(IPAddress.TryParse(binding.Host, out var ip) && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any)
                    ? ip
                    : IPAddress.Loopback, binding.Port);
            }
        }
        throw new InvalidOperationException(
            "Sandbox mode calls the portal's own /sandbox over plain HTTP, but the portal listens on no http:// address " +
            $"({string.Join(", ", addresses)}). Add one (e.g. --urls http://127.0.0.1:5191) or set Withings:AccountBaseUrl and Withings:ApiBaseUrl.");
    }
}
