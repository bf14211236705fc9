using System.Net;
using System.Net.Sockets;

namespace Withings.Sandbox.Notify;

/// <summary>
/// The HEAD request Withings sends to a callback URL before it accepts a subscription. The HTTP client refuses to
/// connect to private, loopback or link-local addresses (checked on the resolved address at connect time), so a
/// sandbox exposed on a network cannot be used to probe internal hosts. Tests replace the primary handler.
/// </summary>
internal sealed class CallbackChecker(IHttpClientFactory clients)
{
    public const string HttpClientName = "Withings.Sandbox.CallbackCheck";

    /// <summary>Null when the callback answered the HEAD with a status below 400; otherwise why it failed.</summary>
    public async Task<string?> ProblemAsync(string callbackUrl, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(HttpClientName);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, callbackUrl);
            using var response = await client.SendAsync(request, cancellationToken);
            return (int)response.StatusCode < 400 ? null : $"the callback answered the HEAD request with HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException ex) when (ex.InnerException is PrivateAddressException)
        {
            return "the callback's host resolves to a private or local IP address, which Withings cannot reach";
        }
        catch (HttpRequestException ex)
        {
            return $"the callback could not be reached ({ex.Message})";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "the callback did not answer the HEAD request within 5 seconds";
        }
    }

    /// <summary>The production handler: public addresses only.</summary>
    public static SocketsHttpHandler CreatePublicOnlyHandler() => new()
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var address = addresses.FirstOrDefault(a => !IsPrivate(a)) ?? throw new PrivateAddressException();
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    internal static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal ||
            address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }
        var b = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetwork &&
               (b[0] == 10 || b[0] == 127 || b[0] == 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) ||
                (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127));
    }

    private sealed class PrivateAddressException() : IOException("The host resolves only to private or local addresses.");
}
