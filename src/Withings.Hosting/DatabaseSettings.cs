using Microsoft.Extensions.Configuration;

namespace Withings.Hosting;

/// <summary>
/// Where one app reads its database settings, and its SQLite default. <see cref="Resolve(IConfiguration, string)"/> reads
/// them strictly before anything is registered, so that a typo stops start-up with a message naming the setting to fix
/// instead of a provider exception later (or, worse, a silent fall-back to another database).
/// </summary>
/// <param name="App">How the messages name the app, e.g. <c>portal</c>.</param>
/// <param name="ProviderSetting">The configuration key of the provider, e.g. <c>Database:Provider</c>.</param>
/// <param name="ConnectionStringName">The name under <c>ConnectionStrings</c>, e.g. <c>Portal</c>.</param>
/// <param name="DefaultSqliteConnectionString">Used when SQLite is chosen and no connection string is set.</param>
public sealed record DatabaseSettings(string App, string ProviderSetting, string ConnectionStringName, string DefaultSqliteConnectionString)
{
    public ResolvedDatabase Resolve(IConfiguration configuration, string contentRoot) =>
        Resolve(configuration[ProviderSetting], configuration.GetConnectionString(ConnectionStringName), contentRoot);

    /// <summary>
    /// No provider means SQLite. SQL Server needs a connection string. A SQLite file path is made absolute under
    /// <paramref name="contentRoot"/> and its folder created.
    /// </summary>
    public ResolvedDatabase Resolve(string? provider, string? connectionString, string contentRoot)
    {
        if (ParseProvider(provider) == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"{ProviderSetting} is 'SqlServer' but ConnectionStrings:{ConnectionStringName} is empty. " +
                    $"Set it, e.g. with the environment variable ConnectionStrings__{ConnectionStringName}=\"Server=...;Database=Withings{ConnectionStringName};...\".");
            }
            return new ResolvedDatabase(DatabaseProvider.SqlServer, connectionString);
        }
        return new ResolvedDatabase(DatabaseProvider.Sqlite, SqliteFile.Prepare(
            string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString, contentRoot));
    }

    private DatabaseProvider ParseProvider(string? value)
    {
        if (value is null)
        {
            return DatabaseProvider.Sqlite;
        }
        // Enum.TryParse alone would also take "2" or "Sqlite, SqlServer".
        if (!Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) || !Enum.IsDefined(provider) || int.TryParse(value, out _))
        {
            throw new InvalidOperationException(
                $"{ProviderSetting} is '{value}', which the {App} does not support. Use 'Sqlite' (the embedded default) or 'SqlServer'.");
        }
        return provider;
    }
}
