namespace Withings.Hosting.Tests;

public sealed class SqliteFileTests
{
    [Fact]
    public void ARelativePathIsMadeAbsoluteUnderTheContentRootAndItsFolderIsCreated()
    {
        var root = Directory.CreateTempSubdirectory("hosting-root-").FullName;

        var prepared = SqliteFile.Prepare("Data Source=App_Data/nested/app.db;Cache=Shared", root);

        Assert.Equal($"Data Source={Path.Combine(root, "App_Data", "nested", "app.db")};Cache=Shared", prepared);
        Assert.True(Directory.Exists(Path.Combine(root, "App_Data", "nested")));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void AnAbsolutePathIsKept()
    {
        var folder = Directory.CreateTempSubdirectory("hosting-db-").FullName;
        var file = Path.Combine(folder, "app.db");

        var prepared = SqliteFile.Prepare($"Data Source={file}", "/somewhere/else");

        Assert.Equal($"Data Source={file}", prepared);
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=shared;Mode=Memory")]
    public void AnInMemoryDatabaseCreatesNoFolder(string connectionString)
    {
        var root = Path.Combine(Path.GetTempPath(), "hosting-never-" + Guid.NewGuid().ToString("N"));

        SqliteFile.Prepare(connectionString, root);

        Assert.False(Directory.Exists(root));
    }
}
