using Microsoft.AspNetCore.Hosting.Server;
using Withings.Portal.Data;
using Withings.Portal.Shell;

namespace Withings.Portal.Content;

/// <summary>
/// While the database is prepared at start-up, which every page waits for, the portal asks itself for a few pages (the
/// home page, a FAQ entry, a troubleshooter topic) so that the code a page runs is compiled on the core the migrations
/// leave idle. The first visitor then waits for the database alone, not for that too (docs/PERFORMANCE.md, start-up
/// fourth round). Visitors are held by <see cref="DatabaseReadyGate"/> as before; only these requests pass it, and the
/// key ring they need at the end of a rendering waits for its table (<see cref="KeyRingAfterMigration"/>).
/// </summary>
/// <remarks>
/// The requests go through the real server over loopback (<see cref="LoopbackAddress"/>) and carry a random value
/// known only to this process: nobody else can pass the gate with them. The pages they render are the same for
/// every reader and go into the output cache like any help page, under the loopback host name no visitor uses (the
/// cache keys on the host), where they expire unread. A portal that listens on no plain-HTTP address rehearses
/// nothing, and a rehearsal that fails changes nothing.
/// </remarks>
internal sealed partial class StartupRehearsal(
    IServer server, RehearsalPass pass, DatabaseReadiness database, ContentStore content, IHostApplicationLifetime lifetime,
    ILogger<StartupRehearsal> logger) : IHostedService
{
    private Task rehearsing = Task.CompletedTask;

    /// <summary>Completes when the rehearsal is over (for tests).</summary>
    internal Task Rehearsing => rehearsing;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Once Kestrel listens; by then the content is loaded (the host waited for it).
        lifetime.ApplicationStarted.Register(() => rehearsing = Task.Run(() => RehearseAsync(lifetime.ApplicationStopping)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) =>
        await rehearsing.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private async Task RehearseAsync(CancellationToken stopping)
    {
        var started = TimeProvider.System.GetTimestamp();
        var rehearsed = 0;
        try
        {
            if (LoopbackAddress.Of(server) is not { } address)
            {
                return;
            }
            using var client = new HttpClient(LoopbackAddress.CreateHandler(() => address))
            {
                BaseAddress = new Uri(LoopbackAddress.Origin), Timeout = TimeSpan.FromSeconds(30),
            };
            foreach (var path in Pages())
            {
                // Once visitors are let in, rehearsing would only take the CPU from them.
                if (database.Ready.IsCompleted || stopping.IsCancellationRequested)
                {
                    break;
                }
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                pass.AddTo(request);
                request.Headers.Add("Accept-Encoding", "br");
                using var response = await client.SendAsync(request, stopping);
                rehearsed++;
            }
        }
        catch (Exception failure) when (failure is HttpRequestException or InvalidOperationException or OperationCanceledException)
        {
            // No plain-HTTP address, or the start is failing or stopping: the first visitor simply does the compiling.
        }
        LogRehearsed(rehearsed, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
    }

    private IEnumerable<string> Pages()
    {
        yield return "/";
        var pages = content.Current.Pages;
        foreach (var kind in new[] { ContentKind.Faq, ContentKind.Troubleshoot })
        {
            if (pages.Where(page => page.Kind == kind).MinBy(page => page.Slug, StringComparer.Ordinal) is { } first)
            {
                yield return first.Route;
            }
        }
    }

    [LoggerMessage(LogLevel.Debug, "Start-up rehearsal: {Pages} page(s) rendered in {Milliseconds:F0} ms while the database was prepared")]
    private partial void LogRehearsed(int pages, double milliseconds);
}
