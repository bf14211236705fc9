namespace Withings.Portal.Tests.Infrastructure;

/// <summary>One portal shared by the tests of a class that only read from it.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await Portal.DisposeAsync();
        Portal.DeleteData();
    }
}
