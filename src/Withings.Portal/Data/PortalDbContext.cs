using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Withings.Portal.Data;

/// <summary>
/// Everything the portal stores. One subclass per database provider carries that provider's migrations:
/// <code>
/// dotnet ef migrations add &lt;Name&gt; --project src/Withings.Portal --context SqlitePortalDbContext --output-dir Data/Migrations/Sqlite
/// dotnet ef migrations add &lt;Name&gt; --project src/Withings.Portal --context SqlServerPortalDbContext --output-dir Data/Migrations/SqlServer
/// </code>
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly, type =>
            type.Namespace?.StartsWith("Withings.Portal", StringComparison.Ordinal) == true);
    }
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);

public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options) : PortalDbContext(options);
