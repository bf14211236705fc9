using Withings.Hosting;

namespace Withings.Sandbox.Data;

// `dotnet ef` uses these instead of starting the sandbox (see DesignTimeDbContextFactory).

internal sealed class SqliteSandboxDbContextFactory()
    : DesignTimeDbContextFactory<SqliteSandboxDbContext>(DatabaseProvider.Sqlite, options => new(options), SandboxDbContext.MigrationsHistoryTable);

internal sealed class SqlServerSandboxDbContextFactory()
    : DesignTimeDbContextFactory<SqlServerSandboxDbContext>(DatabaseProvider.SqlServer, options => new(options), SandboxDbContext.MigrationsHistoryTable);
