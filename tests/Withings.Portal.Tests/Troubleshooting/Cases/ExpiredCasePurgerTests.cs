using Microsoft.Extensions.Logging.Abstractions;
using Withings.Portal.Data;
using Withings.Portal.Troubleshooting.Cases;

namespace Withings.Portal.Tests.Troubleshooting.Cases;

public class ExpiredCasePurgerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExpiredCasesAreDeletedAtStartAndAtEveryInterval()
    {
        await using var database = await CaseDatabase.CreateAsync(new CaseOptions { Lifetime = TimeSpan.FromDays(1), PurgeInterval = TimeSpan.FromHours(1) });
        await database.Service.CreateAsync(new NewCase("withings status 601", [], null), Cancel);
        database.Clock.Advance(TimeSpan.FromDays(1));
        var ready = new DatabaseReadiness();
        ready.Succeeded();
        using var purger = new ExpiredCasePurger(database.Service, ready, database.WrappedOptions, database.Clock, NullLogger<ExpiredCasePurger>.Instance);

        await purger.StartAsync(Cancel);
        await UntilNoCaseIsLeft(database);
        var kept = await database.Service.CreateAsync(new NewCase("withings status 293", [], null), Cancel);
        database.Clock.Advance(TimeSpan.FromHours(23));
        var stillThere = (await database.RowsAsync()).Select(c => c.Id).ToList();
        database.Clock.Advance(TimeSpan.FromHours(1));
        await UntilNoCaseIsLeft(database);
        await purger.StopAsync(Cancel);

        Assert.Equal([kept.Id], stillThere);
    }

    [Fact]
    public async Task TheFirstPurgeWaitsForTheDatabaseToBePrepared()
    {
        await using var database = await CaseDatabase.CreateAsync(new CaseOptions { Lifetime = TimeSpan.FromDays(1), PurgeInterval = TimeSpan.FromHours(1) });
        await database.Service.CreateAsync(new NewCase("withings status 601", [], null), Cancel);
        database.Clock.Advance(TimeSpan.FromDays(1));
        var ready = new DatabaseReadiness();
        using var purger = new ExpiredCasePurger(database.Service, ready, database.WrappedOptions, database.Clock, NullLogger<ExpiredCasePurger>.Instance);

        await purger.StartAsync(Cancel);
        await Task.Delay(200, Cancel);
        var beforeReady = (await database.RowsAsync()).Count;
        ready.Succeeded();
        await UntilNoCaseIsLeft(database);
        await purger.StopAsync(Cancel);

        Assert.Equal(1, beforeReady);
    }

    [Fact]
    public async Task StoppingEndsThePurgerWithoutAFault()
    {
        await using var database = await CaseDatabase.CreateAsync(new CaseOptions { Lifetime = TimeSpan.FromDays(1), PurgeInterval = TimeSpan.FromHours(1) });
        var ready = new DatabaseReadiness();
        ready.Succeeded();
        using var purger = new ExpiredCasePurger(database.Service, ready, database.WrappedOptions, database.Clock, NullLogger<ExpiredCasePurger>.Instance);

        await purger.StartAsync(Cancel);
        await Task.Delay(100, Cancel);
        await purger.StopAsync(Cancel);

        Assert.True(purger.ExecuteTask!.IsCompletedSuccessfully, $"the purger's task ended {purger.ExecuteTask.Status}");
    }

    // The purge runs on the purger's own task; this waits for it to have happened, whatever the machine's speed.
    private static async Task UntilNoCaseIsLeft(CaseDatabase database)
    {
        for (var attempt = 0; attempt < 1000 && (await database.RowsAsync()).Count > 0; attempt++)
        {
            await Task.Delay(10, Cancel);
        }
        Assert.Empty(await database.RowsAsync());
    }
}
