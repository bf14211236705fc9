using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Tests.Troubleshooting;

/// <summary>The repository's real <c>content/</c> and the catalog loaded from it, shared by the troubleshooting tests.</summary>
internal static class TopicFiles
{
    private static readonly Lazy<TopicCatalog> LazyCatalog = new(() => TopicCatalog.Load(ContentRoot));

    public static string RepositoryRoot { get; } = FindRepository();

    public static string ContentRoot { get; } = Path.Combine(RepositoryRoot, "content");

    public static TopicCatalog Catalog => LazyCatalog.Value;

    private static string FindRepository()
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
