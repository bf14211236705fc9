using Microsoft.Data.Sqlite;

namespace Withings.Hosting;

/// <summary>
/// Makes a relative SQLite file path absolute under the content root and creates its folder, so the app finds the same
/// file whatever the working directory, and the first run needs no setup.
/// </summary>
public static class SqliteFile
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
