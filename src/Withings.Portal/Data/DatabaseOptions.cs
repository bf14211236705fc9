using Withings.Hosting;

namespace Withings.Portal.Data;

/// <summary>Which database engine the portal stores its data in (section <c>Database</c>, connection string <c>Portal</c>).</summary>
public static class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Portal";
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/portal.db";

    /// <summary><c>Database:Provider</c> is <c>Sqlite</c> (the embedded default) or <c>SqlServer</c>.</summary>
    public static DatabaseSettings Settings { get; } =
        new("portal", $"{Section}:Provider", ConnectionStringName, DefaultSqliteConnectionString);

    /// <summary>
    /// Reads and checks the settings. Start-up calls this before anything is registered so that a typo
    /// stops the process with a message that says what to fix, instead of a provider exception later.
    /// </summary>
    public static ResolvedDatabase Resolve(IConfiguration configuration, string contentRoot) =>
        Settings.Resolve(configuration, contentRoot);
}
