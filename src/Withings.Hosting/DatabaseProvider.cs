namespace Withings.Hosting;

/// <summary>The database engines the portal and the sandbox can store their data in.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded, a file under the app's content root: the default, for one instance.</summary>
    Sqlite = 1,

    /// <summary>A shared server, for several instances behind a load balancer.</summary>
    SqlServer = 2,
}

/// <summary>The provider and connection string in effect, after defaults and checks.</summary>
public sealed record ResolvedDatabase(DatabaseProvider Provider, string ConnectionString);
