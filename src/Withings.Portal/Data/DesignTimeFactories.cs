using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Withings.Portal.Data;

// `dotnet ef` uses these instead of starting the web app, so generating migrations or scripts never needs
// a running database (the SQL Server connection string below is never opened).

internal sealed class SqlitePortalDbContextFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerPortalDbContextFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public SqlServerPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerPortalDbContext>()
            .UseSqlServer("Server=(local);Database=WithingsPortal;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
