using Microsoft.Extensions.Configuration;
using Withings.Hosting;
using Withings.Portal.Data;

namespace Withings.Portal.Tests.Data;

public class DatabaseOptionsTests
{
    [Fact]
    public void SqliteIsTheDefault()
    {
        var root = Directory.CreateTempSubdirectory("portal-root-").FullName;

        var (provider, connectionString) = DatabaseOptions.Resolve(Configuration(), root);

        Assert.Equal(DatabaseProvider.Sqlite, provider);
        Assert.Contains(Path.Combine(root, "App_Data", "portal.db"), connectionString);
        Assert.True(Directory.Exists(Path.Combine(root, "App_Data")));
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("SqlLite")]
    [InlineData("2")]
    public void UnknownProviderIsRefusedWithTheNameAndTheChoices(string provider)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DatabaseOptions.Resolve(Configuration(("Database:Provider", provider)), Path.GetTempPath()));

        Assert.Contains($"'{provider}'", error.Message);
        Assert.Contains("'Sqlite'", error.Message);
        Assert.Contains("'SqlServer'", error.Message);
    }

    [Fact]
    public void SqlServerWithoutConnectionStringIsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DatabaseOptions.Resolve(Configuration(("Database:Provider", "SqlServer")), Path.GetTempPath()));

        Assert.Contains("ConnectionStrings:Portal", error.Message);
    }

    [Fact]
    public void SqlServerConnectionStringIsUsedAsGiven()
    {
        const string connectionString = "Server=db.internal;Database=WithingsPortal;User Id=portal;Password=x;";

        var (provider, resolved) = DatabaseOptions.Resolve(
            Configuration(("Database:Provider", "sqlserver"), ("ConnectionStrings:Portal", connectionString)), Path.GetTempPath());

        Assert.Equal(DatabaseProvider.SqlServer, provider);
        Assert.Equal(connectionString, resolved);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
