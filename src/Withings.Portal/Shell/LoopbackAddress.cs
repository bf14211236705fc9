using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Withings.Portal.Shell;

/// <summary>
/// How this process reaches its own server over loopback, whatever port it listens on: clients address
/// <c>http://localhost/…</c> and every connection goes to the server's first plain-HTTP endpoint.
/// </summary>
public static class LoopbackAddress
{
    public const string Host = "localhost";

    /// <summary>The origin such clients write their URLs with.</summary>
    public const string Origin = $"http://{Host}";

    /// <summary>The server's first plain-HTTP endpoint, on loopback when it listens on every address; null when it has none.</summary>
    public static IPEndPoint? Of(IServer server)
    {
        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            if (address.StartsWith("http://", StringComparison.OrdinalIgnoreCase) &&
                BindingAddress.Parse(address) is { Port: > 0 } binding)
            {
                return new IPEndPoint(IPAddress.TryParse(binding.Host, out var ip) && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any)
                    ? ip
                    : IPAddress.Loopback, binding.Port);
            }
        }
        return null;
    }

    /// <summary>A handler whose every connection goes to <paramref name="endpoint"/>, asked for at each connection.</summary>
    public static SocketsHttpHandler CreateHandler(Func<IPEndPoint> endpoint) => new()
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(endpoint(), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        UseProxy = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
