namespace Withings.Sandbox.Data;

/// <summary>The simulated accounts offered on the consent page, one per situation integrators need to rehearse.</summary>
public static class SimulatedUsers
{
    public const int DemoUserId = 38100001;
    public const int NoDataUserId = 38100002;
    public const int DeactivatedUserId = 38100003;
    public const int DeletedUserId = 38100004;
    public const string DemoTimezone = "Europe/Paris";

    public static IReadOnlyList<SandboxUser> All { get; } =
    [
        new() { Id = DemoUserId, Name = "Demo user", State = AccountState.Active, HasSeededData = true, Timezone = DemoTimezone,
            Description = "The demo account (mode=demo): a scale, a blood pressure monitor, a watch and a sleep analyzer, with a year of data." },
        new() { Id = NoDataUserId, Name = "Noa, a new account", State = AccountState.Active, HasSeededData = false, Timezone = DemoTimezone,
            Description = "No device and no data yet: every data call succeeds but returns nothing until you simulate a user action." },
        new() { Id = DeactivatedUserId, Name = "Dana, deletion pending", State = AccountState.Deactivated, HasSeededData = true, Timezone = DemoTimezone,
            Description = "Asked to delete the account (7-day delay): data calls answer \"User is temporarily deactivated\"." },
        new() { Id = DeletedUserId, Name = "Eli, deleted after linking", State = AccountState.Deleted, HasSeededData = true, Timezone = DemoTimezone,
            Description = "Deletes the account right after linking: the tokens stop working and a refresh gives \"invalid refresh_token\"." },
    ];
}
