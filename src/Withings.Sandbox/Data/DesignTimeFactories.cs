using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Withings.Sandbox.Data;

// `dotnet ef` uses these instead of starting the sandbox, so generating migrations never needs a database
// (the SQL Server connection string below is never opened).

internal sealed class SqliteSandboxDbContextFactory : IDesignTimeDbContextFactory<SqliteSandboxDbContext>
{
    public SqliteSandboxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSandboxDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable(SandboxDbContext.MigrationsHistoryTable)).Options);
}

internal sealed class SqlServerSandboxDbContextFactory : IDesignTimeDbContextFactory<SqlServerSandboxDbContext>
{
    public SqlServerSandboxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerSandboxDbContext>()
            .UseSqlServer("Server=(local);Database=WithingsSandbox;Trusted_Connection=True;TrustServerCertificate=True",
                o => o.MigrationsHistoryTable(SandboxDbContext.MigrationsHistoryTable)).Options);
}
