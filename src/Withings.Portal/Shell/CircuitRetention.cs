using Microsoft.AspNetCore.Components.Server;

namespace Withings.Portal.Shell;

/// <summary>
/// How long the server keeps the circuit of a tab that lost its connection. Only a few live parts open circuits (a
/// subscribed inbox's deliveries, the support dashboard; help pages, the paste box, the playground's forms and the
/// sample-data checklist are plain HTML and form posts), and through them a linked user's tokens or a staff member's
/// session are reached: keep a disconnected circuit long enough for a phone changing networks or a laptop waking up to
/// resume where it was, and no longer.
/// Memory per idle circuit is measured by <c>tests/Withings.Portal.Benchmarks/load/circuit-memory.sh</c> (docs/PERFORMANCE.md).
/// </summary>
public static class CircuitRetention
{
    /// <summary>Blazor's default is 3 minutes; reconnecting after a short network loss takes seconds.</summary>
    public static readonly TimeSpan DisconnectedPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Blazor's default (100): beyond it the oldest disconnected circuits go first.</summary>
    public const int MaxDisconnected = 100;

    public static void Configure(CircuitOptions options)
    {
        options.DisconnectedCircuitRetentionPeriod = DisconnectedPeriod;
        options.DisconnectedCircuitMaxRetained = MaxDisconnected;
    }
}
