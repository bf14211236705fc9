namespace Withings.Portal.Benchmarks;

internal static class RepositoryPaths
{
    /// <summary>The repository's <c>content/</c> folder, found by walking up from the benchmark's output folder.</summary>
    public static string Content { get; } = FindUp("content");

    private static string FindUp(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Withings.Portal.sln")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"No '{name}' folder above {AppContext.BaseDirectory}");
    }
}
