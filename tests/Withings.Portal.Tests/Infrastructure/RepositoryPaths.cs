namespace Withings.Portal.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The checkout's root (the folder holding Withings.Portal.sln), found from the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Withings.Portal.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No Withings.Portal.sln above {AppContext.BaseDirectory}");
    }
}
