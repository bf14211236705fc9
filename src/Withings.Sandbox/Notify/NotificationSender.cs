using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Withings.Client;
using Withings.Sandbox.Data;

namespace Withings.Sandbox.Notify;

/// <summary>
/// After a user-side action, sends what Withings sends to each subscribed callback of that user and category: a form POST
/// with <c>userid</c>, <c>appli</c>, <c>startdate</c> and <c>enddate</c>
/// (https://developer.withings.com/developer-guide/v3/data-api/keep-user-data-up-to-date/). Only to the host's own inbox
/// (<see cref="SandboxOptions.NotificationInbox"/>) or to hosts an operator allowed
/// (<see cref="SandboxOptions.NotificationAllowedHosts"/>): a public sandbox never posts to arbitrary addresses.
/// </summary>
/// <remarks>
/// Deliveries run in the background, but the host waits for those in flight when it stops (<see cref="StopAsync"/>): a
/// delivery cut off half-way would otherwise reach for services and a database the host has already disposed.
/// </remarks>
public sealed class NotificationSender(
    IDbContextFactory<SandboxDbContext> factory, IHttpClientFactory clients, IOptions<SandboxOptions> options, ILogger<NotificationSender> logger)
    : IHostedService
{
    private readonly Lock inFlightLock = new();
    private readonly HashSet<Task> inFlight = [];

    public const string InboxClientName = "Withings.Sandbox.NotifyInbox";
    public const string DeliveryClientName = "Withings.Sandbox.NotifyDelivery";

    /// <summary>Whether the sandbox may post to <paramref name="callbackUrl"/>.</summary>
    public bool MayDeliverTo(string callbackUrl) => IsInbox(callbackUrl) || IsAllowedHost(callbackUrl);

    public bool IsInbox(string callbackUrl) =>
        options.Value.NotificationInbox is { Length: > 0 } inbox && callbackUrl.StartsWith(inbox, StringComparison.OrdinalIgnoreCase);

    /// <summary>Sends the notifications of a change in the background; the action that caused it does not wait.</summary>
    public void Notify(int userId, int appli, long startDate, long endDate)
    {
        lock (inFlightLock)
        {
            var delivery = Task.Run(() => DeliverAsync(userId, appli, startDate, endDate));
            inFlight.Add(delivery);
            delivery.ContinueWith(Forget, TaskScheduler.Default);
        }
    }

    /// <summary>Completes when every delivery started so far has finished (delivered or given up).</summary>
    public Task WhenDeliveredAsync()
    {
        lock (inFlightLock)
        {
            return Task.WhenAll(inFlight);
        }
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Each delivery is bounded by its HTTP client's timeout; the host's shutdown timeout bounds the wait.</summary>
    public Task StopAsync(CancellationToken cancellationToken) =>
        WhenDeliveredAsync().WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);

    private void Forget(Task delivery)
    {
        lock (inFlightLock)
        {
            inFlight.Remove(delivery);
        }
    }

    public async Task<int> DeliverAsync(int userId, int appli, long startDate, long endDate)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync();
            var callbacks = await db.NotifySubscriptions.AsNoTracking()
                .Where(s => s.UserId == userId && s.Appli == appli).Select(s => s.CallbackUrl).Distinct().ToListAsync();
            var sent = 0;
            foreach (var callback in callbacks.Where(MayDeliverTo))
            {
                using var client = clients.CreateClient(IsInbox(callback) ? InboxClientName : DeliveryClientName);
                using var content = new FormUrlEncodedContent(
                [
                    new("userid", userId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new("appli", appli.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new("startdate", startDate.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new("enddate", endDate.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ]);
                using var response = await client.PostAsync(callback, content);
                sent++;
                logger.LogInformation("Notification appli {Appli} for user {UserId} delivered: HTTP {Status}", appli, userId, (int)response.StatusCode);
            }
            return sent;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            logger.LogWarning("Notification appli {Appli} for user {UserId} not delivered: {Reason}", appli, userId, ex.Message);
            return 0;
        }
    }

    private bool IsAllowedHost(string callbackUrl) =>
        Uri.TryCreate(callbackUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps &&
        options.Value.NotificationAllowedHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);
}
