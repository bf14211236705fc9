using Withings.Hosting;

namespace Withings.Portal.Data;

// `dotnet ef` uses these instead of starting the web app (see DesignTimeDbContextFactory).

internal sealed class SqlitePortalDbContextFactory()
    : DesignTimeDbContextFactory<SqlitePortalDbContext>(DatabaseProvider.Sqlite, options => new(options));

internal sealed class SqlServerPortalDbContextFactory()
    : DesignTimeDbContextFactory<SqlServerPortalDbContext>(DatabaseProvider.SqlServer, options => new(options));
