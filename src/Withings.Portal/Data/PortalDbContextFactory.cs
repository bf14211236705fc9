using Microsoft.EntityFrameworkCore;
using Withings.Hosting;

namespace Withings.Portal.Data;

/// <summary>
/// The portal's name for <see cref="ProviderDbContextFactory{TBase, TContext}"/> over <see cref="PortalDbContext"/>, for code
/// (such as tests) that builds the factory by hand; start-up registers it with <c>AddProviderDbContextFactory</c>.
/// </summary>
internal sealed class PortalDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : ProviderDbContextFactory<PortalDbContext, TContext>(inner)
    where TContext : PortalDbContext;
