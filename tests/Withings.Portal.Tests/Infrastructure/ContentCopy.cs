namespace Withings.Portal.Tests.Infrastructure;

/// <summary>A throw-away copy of the repository's content, for tests that edit files while the portal runs.</summary>
public static class ContentCopy
{
    public static DirectoryInfo Create()
    {
        var source = RepositoryPaths.Content;
        var target = Directory.CreateTempSubdirectory("portal-content-copy-");
        foreach (var file in Directory.EnumerateFiles(source, "*.md", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target.FullName, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }
}
