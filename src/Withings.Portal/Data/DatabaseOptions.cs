namespace Withings.Portal.Data;

/// <summary>Which database engine the portal stores its data in (section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Portal";
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/portal.db";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>
    /// Reads and checks the settings. Start-up calls this before anything is registered so that a typo
    /// stops the process with a message that says what to fix, instead of a provider exception later.
    /// </summary>
    public static (DatabaseProvider Provider, string ConnectionString) Resolve(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out var provider) ||
            !Enum.IsDefined(provider) || int.TryParse(options.Provider, out _))
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{options.Provider}', which the portal does not support. " +
                "Use 'Sqlite' (the embedded default) or 'SqlServer'.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is 'SqlServer' but ConnectionStrings:Portal is empty. " +
                    "Set it, e.g. with the environment variable ConnectionStrings__Portal=\"Server=...;Database=WithingsPortal;...\".");
            }
            return (provider, connectionString);
        }

        return (provider, SqliteFile.Prepare(
            string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString, contentRoot));
    }
}

public enum DatabaseProvider
{
    Sqlite = 1,
    SqlServer = 2,
}

/// <summary>The provider and connection string in effect, after defaults and checks.</summary>
public sealed record ResolvedDatabase(DatabaseProvider Provider, string ConnectionString);
