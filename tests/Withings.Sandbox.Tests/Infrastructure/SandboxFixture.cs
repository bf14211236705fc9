namespace Withings.Sandbox.Tests.Infrastructure;

/// <summary>One sandbox per test class; tests that move the clock or use up limits get their own factory.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public SandboxFactory Factory { get; } = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Factory.DeleteData();
    }
}
