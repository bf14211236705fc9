using Microsoft.Extensions.Configuration;

namespace Withings.Hosting.Tests;

public sealed class DatabaseSettingsTests
{
    private static readonly DatabaseSettings Settings = new("app", "App:Database:Provider", "App", "Data Source=App_Data/app.db");

    [Fact]
    public void WithoutSettingsTheDefaultSqliteFileIsUsedUnderTheContentRoot()
    {
        var root = Directory.CreateTempSubdirectory("hosting-root-").FullName;

        var database = Settings.Resolve(Configuration(), root);

        Assert.Equal(DatabaseProvider.Sqlite, database.Provider);
        Assert.Equal($"Data Source={Path.Combine(root, "App_Data", "app.db")}", database.ConnectionString);
        Directory.Delete(root, recursive: true);
    }

    [Theory]
    [InlineData("Sqlte")]
    [InlineData("Postgres")]
    [InlineData("2")]
    [InlineData("")]
    public void AMisspeltProviderIsRefusedWithTheSettingItsValueAndTheChoices(string provider)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Settings.Resolve(Configuration(("App:Database:Provider", provider)), Path.GetTempPath()));

        Assert.Equal($"App:Database:Provider is '{provider}', which the app does not support. Use 'Sqlite' (the embedded default) or 'SqlServer'.",
            error.Message);
    }

    [Theory]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("SQLSERVER", DatabaseProvider.SqlServer)]
    public void TheProviderIsReadWithoutRegardToCase(string provider, DatabaseProvider expected)
    {
        var database = Settings.Resolve(provider, "Data Source=:memory:", Path.GetTempPath());

        Assert.Equal(expected, database.Provider);
    }

    [Fact]
    public void SqlServerWithoutAConnectionStringIsRefusedNamingTheConnectionString()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Settings.Resolve("SqlServer", " ", Path.GetTempPath()));

        Assert.StartsWith("App:Database:Provider is 'SqlServer' but ConnectionStrings:App is empty.", error.Message);
    }

    [Fact]
    public void ASqlServerConnectionStringIsUsedAsGiven()
    {
        const string connectionString = "Server=db.internal;Database=WithingsApp;User Id=app;Password=x;";

        var database = Settings.Resolve(Configuration(("App:Database:Provider", "SqlServer"), ("ConnectionStrings:App", connectionString)), "/nowhere");

        Assert.Equal(new ResolvedDatabase(DatabaseProvider.SqlServer, connectionString), database);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
