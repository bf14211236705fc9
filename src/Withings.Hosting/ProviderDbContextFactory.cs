using Microsoft.EntityFrameworkCore;

namespace Withings.Hosting;

/// <summary>
/// Lets an app ask for its base context (<typeparamref name="TBase"/>) whichever provider subclass is configured. Each
/// provider has its own subclass because each carries its own migrations.
/// </summary>
public sealed class ProviderDbContextFactory<TBase, TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<TBase>
    where TBase : DbContext
    where TContext : TBase
{
    public TBase CreateDbContext() => inner.CreateDbContext();

    public async Task<TBase> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
