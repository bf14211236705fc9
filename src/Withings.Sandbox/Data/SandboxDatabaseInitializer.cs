using Microsoft.EntityFrameworkCore;

namespace Withings.Sandbox.Data;

/// <summary>Creates or migrates the sandbox tables, then makes sure the simulated users exist as <see cref="SimulatedUsers"/> describes them.</summary>
internal sealed class SandboxDatabaseInitializer(IDbContextFactory<SandboxDbContext> factory, ILogger<SandboxDatabaseInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} sandbox migration(s): {Migrations}", pending.Count, pending);
        }
        await db.Database.MigrateAsync(cancellationToken);

        foreach (var user in SimulatedUsers.All)
        {
            var existing = await db.Users.FindAsync([user.Id], cancellationToken);
            if (existing is null)
            {
                db.Users.Add(new SandboxUser
                {
                    Id = user.Id, Name = user.Name, Description = user.Description, State = user.State,
                    HasSeededData = user.HasSeededData, Timezone = user.Timezone,
                });
            }
            else
            {
                (existing.Name, existing.Description, existing.State, existing.HasSeededData, existing.Timezone) =
                    (user.Name, user.Description, user.State, user.HasSeededData, user.Timezone);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
