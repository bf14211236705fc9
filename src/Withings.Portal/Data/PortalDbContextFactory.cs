using Microsoft.EntityFrameworkCore;

namespace Withings.Portal.Data;

/// <summary>Lets the rest of the portal ask for <see cref="PortalDbContext"/> whichever provider subclass is configured.</summary>
internal sealed class PortalDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PortalDbContext>
    where TContext : PortalDbContext
{
    public PortalDbContext CreateDbContext() => inner.CreateDbContext();
}
