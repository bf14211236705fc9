using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Withings.Hosting;
using Withings.Portal.Data;
using Withings.Portal.Troubleshooting.Cases;

namespace Withings.Portal.Tests.Troubleshooting.Cases;

/// <summary>A migrated SQLite file of its own and a case service over it, on a clock the test moves.</summary>
internal sealed class CaseDatabase : IAsyncDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("portal-cases-");
    private readonly ServiceProvider services;

    private CaseDatabase(CaseOptions options)
    {
        Options = options;
        services = new ServiceCollection()
            .AddDbContextFactory<SqlitePortalDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(folder.FullName, "cases.db")}"))
            .BuildServiceProvider();
        Factory = new ProviderDbContextFactory<PortalDbContext, SqlitePortalDbContext>(services.GetRequiredService<IDbContextFactory<SqlitePortalDbContext>>());
        Service = new CaseService(Factory, Clock, Microsoft.Extensions.Options.Options.Create(options));
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));

    public CaseOptions Options { get; }

    public IDbContextFactory<PortalDbContext> Factory { get; }

    public CaseService Service { get; }

    public static async Task<CaseDatabase> CreateAsync(CaseOptions? options = null)
    {
        var database = new CaseDatabase(options ?? new CaseOptions());
        await using var db = await database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return database;
    }

    /// <summary>The rows exactly as stored.</summary>
    public async Task<List<TroubleshooterCase>> RowsAsync()
    {
        await using var db = await Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Set<TroubleshooterCase>().AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
    }

    public IOptions<CaseOptions> WrappedOptions => Microsoft.Extensions.Options.Options.Create(Options);

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}
