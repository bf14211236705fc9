namespace Withings.Portal.Data;

/// <summary>
/// Whether the portal database is prepared (<see cref="DatabaseMigrator"/> decides it while the host starts), for what
/// must wait for its tables: requests (<see cref="DatabaseReadyGate"/>) and background jobs.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the database is migrated and the key ring loaded; faults or is cancelled if they cannot be.</summary>
    public Task Ready => ready.Task;

    internal void Succeeded() => ready.TrySetResult();

    internal void Failed(Exception exception) => ready.TrySetException(exception);

    internal void Abandoned(CancellationToken cancellationToken) => ready.TrySetCanceled(cancellationToken);
}
