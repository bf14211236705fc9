using Microsoft.Extensions.Logging.Abstractions;
using Withings.Portal.Troubleshooting;

namespace Withings.Portal.Tests.Troubleshooting;

public sealed class TopicLibraryTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("topics-");

    public TopicLibraryTests()
    {
        var target = root.CreateSubdirectory("troubleshoot");
        foreach (var file in Directory.GetFiles(Path.Combine(TopicFiles.ContentRoot, "troubleshoot"), "*.md"))
        {
            File.Copy(file, Path.Combine(target.FullName, Path.GetFileName(file)));
        }
    }

    private string Cors => Path.Combine(root.FullName, "troubleshoot", "cors.md");

    [Fact]
    public void EditedTopicIsServedAfterReload()
    {
        using var library = new TopicLibrary(root.FullName, NullLogger<TopicLibrary>.Instance, watchFiles: false);
        TopicSnapshot? announced = null;
        library.Changed += snapshot => announced = snapshot;
        File.WriteAllText(Cors, File.ReadAllText(Cors).Replace("title: \"Blocked by CORS policy", "title: \"Edited: blocked by CORS policy", StringComparison.Ordinal));

        Assert.True(library.Reload());

        Assert.StartsWith("Edited:", library.Current.Catalog.Get("cors").Title);
        Assert.Same(library.Current, announced);
        Assert.Equal("cors", library.Current.Engine.Diagnose("withings: blocked by CORS policy").Diagnoses[0].Topic);
    }

    [Fact]
    public void BrokenEditKeepsThePreviousTopics()
    {
        using var library = new TopicLibrary(root.FullName, NullLogger<TopicLibrary>.Instance, watchFiles: false);
        var before = library.Current;
        File.WriteAllText(Cors, File.ReadAllText(Cors).Replace("category: connectivity", "category: nonsense", StringComparison.Ordinal));

        Assert.False(library.Reload());

        Assert.Same(before, library.Current);
    }

    public void Dispose() => root.Delete(recursive: true);
}
