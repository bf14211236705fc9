using Withings.Hosting;

namespace Withings.Sandbox.Data;

/// <summary>
/// Where the sandbox keeps its data when it runs on its own: <c>Sandbox:Database:Provider</c> (<c>Sqlite</c> by default,
/// or <c>SqlServer</c>) and <c>ConnectionStrings:Sandbox</c>. Inside the portal, the portal passes its own database.
/// </summary>
public static class SandboxDatabase
{
    public const string ConnectionStringName = "Sandbox";
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/sandbox.db";

    public static DatabaseSettings Settings { get; } =
        new("sandbox", "Sandbox:Database:Provider", ConnectionStringName, DefaultSqliteConnectionString);
}
