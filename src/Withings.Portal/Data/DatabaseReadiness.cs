namespace Withings.Portal.Data;

/// <summary>
/// Whether the portal database is prepared (<see cref="DatabaseMigrator"/> does it once the portal has answered its
/// first request), for what must wait for its tables: requests (<see cref="DatabaseReadyGate"/>) and background jobs.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource wanted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes when the database is migrated and the key ring loaded; faults or is cancelled if they cannot be. Waiting
    /// on it does not hurry it: background jobs wait with it for the portal's first answer.
    /// </summary>
    public Task Ready => ready.Task;

    /// <summary>Asks for the database to be prepared now, for something that cannot do without it, and returns <see cref="Ready"/>.</summary>
    public Task PrepareNow()
    {
        wanted.TrySetResult();
        return ready.Task;
    }

    internal Task Wanted => wanted.Task;

    internal void Succeeded() => ready.TrySetResult();

    internal void Failed(Exception exception) => ready.TrySetException(exception);

    internal void Abandoned(CancellationToken cancellationToken) => ready.TrySetCanceled(cancellationToken);
}
