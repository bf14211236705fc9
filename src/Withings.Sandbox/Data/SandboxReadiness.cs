namespace Withings.Sandbox.Data;

/// <summary>
/// Whether the sandbox's tables, users and seeded apps are ready, for a host that reads them directly rather than
/// through the sandbox's endpoints (those wait by themselves): the portal's playground looks up its own sandbox app.
/// </summary>
public sealed class SandboxReadiness
{
    private readonly SandboxDatabaseInitializer initializer;

    internal SandboxReadiness(SandboxDatabaseInitializer initializer) => this.initializer = initializer;

    /// <summary>
    /// Completes when the sandbox is prepared; faults if it cannot be (the application is then stopping). Asking starts
    /// the preparation at once if the host had deferred it.
    /// </summary>
    public Task ReadyAsync()
    {
        initializer.StartNow();
        return initializer.Ready;
    }
}
