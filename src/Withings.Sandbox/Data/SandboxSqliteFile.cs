using Microsoft.Data.Sqlite;

namespace Withings.Sandbox.Data;

/// <summary>Makes a relative SQLite file path absolute (against the content root) and creates its folder.</summary>
internal static class SandboxSqliteFile
{
    public static string Prepare(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is "" or ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return builder.ToString();
        }
        var path = Path.GetFullPath(builder.DataSource, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        builder.DataSource = path;
        return builder.ToString();
    }
}
