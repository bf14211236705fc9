using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Withings.Portal.WithingsApi;

namespace Withings.Portal.Playground;

/// <summary>One notification as it arrived: the form fields Withings posts, and when.</summary>
public sealed record NotificationDelivery(DateTimeOffset ReceivedAt, string? UserId, int? Appli, long? StartDate, long? EndDate, string Method)
{
    public string Describe() =>
        $"{Method} at {ReceivedAt:HH:mm:ss} UTC: userid={UserId}, appli={Appli}" +
        (Appli is { } appli && Withings.Client.NotifyAppli.Names.TryGetValue(appli, out var name) ? $" ({name})" : "") +
        (StartDate is { } start ? $", startdate={start} ({DateTimeOffset.FromUnixTimeSeconds(start):yyyy-MM-dd HH:mm} UTC)" : "") +
        (EndDate is { } end ? $", enddate={end} ({DateTimeOffset.FromUnixTimeSeconds(end):yyyy-MM-dd HH:mm} UTC)" : "");
}

/// <summary>
/// The portal's notification inboxes, one per linked user: the callback URL the sandbox delivers to inside the portal
/// (<c>http://localhost/playground/inbox/{id}</c>), and the deliveries as they arrive, raised to the pages that watch.
/// </summary>
public sealed class NotificationInbox(IOptions<PlaygroundOptions> options, TimeProvider time)
{
    private const int KeptPerInbox = 50;

    private readonly ConcurrentDictionary<string, (ConcurrentQueue<NotificationDelivery> Deliveries, DateTimeOffset Created)> inboxes = new(StringComparer.Ordinal);

    /// <summary>Inboxes a subscription was made for (through the inbox panel): pages watch those live.</summary>
    private readonly ConcurrentDictionary<string, bool> subscribed = new(StringComparer.Ordinal);

    public event Action<string, NotificationDelivery>? Delivered;

    public string Create()
    {
        Sweep();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        inboxes[id] = (new ConcurrentQueue<NotificationDelivery>(), time.GetUtcNow());
        return id;
    }

    /// <summary>The callback URL to subscribe: the sandbox reaches it over the portal's loopback.</summary>
    public static string CallbackUrl(string id) => $"{OwnServerLoopback.Origin}{OwnServerLoopback.InboxPath}{id}";

    public IReadOnlyList<NotificationDelivery> Deliveries(string id) =>
        inboxes.TryGetValue(id, out var inbox) ? [.. inbox.Deliveries] : [];

    public bool Exists(string id) => inboxes.ContainsKey(id);

    public void MarkSubscribed(string id)
    {
        if (inboxes.ContainsKey(id))
        {
            subscribed[id] = true;
        }
    }

    /// <summary>
    /// Whether deliveries may arrive: the inbox was subscribed, or something already arrived (a subscription made
    /// another way, e.g. a notify call naming its URL). Until then nothing can arrive, and a page shows the list static.
    /// </summary>
    public bool ExpectsDeliveries(string? id) =>
        id is not null && inboxes.TryGetValue(id, out var inbox) && (subscribed.ContainsKey(id) || !inbox.Deliveries.IsEmpty);

    public bool Record(string id, NotificationDelivery delivery)
    {
        if (!inboxes.TryGetValue(id, out var inbox))
        {
            return false;
        }
        inbox.Deliveries.Enqueue(delivery);
        while (inbox.Deliveries.Count > KeptPerInbox && inbox.Deliveries.TryDequeue(out _))
        {
        }
        Delivered?.Invoke(id, delivery);
        return true;
    }

    private void Sweep()
    {
        var cutoff = time.GetUtcNow() - options.Value.LinkIdleLifetime;
        foreach (var (id, inbox) in inboxes)
        {
            if (inbox.Created < cutoff)
            {
                inboxes.TryRemove(id, out _);
                subscribed.TryRemove(id, out _);
            }
        }
    }
}
