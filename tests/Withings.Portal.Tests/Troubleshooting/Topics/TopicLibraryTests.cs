using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Withings.Portal.Content;
using Withings.Portal.Content.Markdown;
using Withings.Portal.Troubleshooting.Diagnosis;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Tests.Troubleshooting.Topics;

public sealed class TopicLibraryTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("topics-");
    private readonly ServiceProvider cacheServices = new ServiceCollection().AddOptions().AddOutputCache().BuildServiceProvider();
    private readonly ContentStore store;

    public TopicLibraryTests()
    {
        var target = root.CreateSubdirectory("troubleshoot");
        foreach (var file in Directory.GetFiles(Path.Combine(TopicFiles.ContentRoot, "troubleshoot"), "*.md"))
        {
            File.Copy(file, Path.Combine(target.FullName, Path.GetFileName(file)));
        }
        store = new ContentStore(Options.Create(new ContentOptions { Root = root.FullName }), new ContentRootEnvironment(root.FullName),
            new ContentLoader(PortalMarkdown.CreatePipeline(), new AppRoutes([new AppRouteSet("any", _ => true, () => [])])),
            cacheServices.GetRequiredService<IOutputCacheStore>(), NullLogger<ContentStore>.Instance);
    }

    private string Cors => Path.Combine(root.FullName, "troubleshoot", "cors.md");

    [Fact]
    public void EditedTopicIsServedAfterTheContentReloads()
    {
        using var library = new TopicLibrary(store, NullLogger<TopicLibrary>.Instance);
        var engine = new DiagnosisEngine(library);
        File.WriteAllText(Cors, File.ReadAllText(Cors).Replace("title: \"Blocked by CORS policy", "title: \"Edited: blocked by CORS policy", StringComparison.Ordinal));

        store.Reload();

        Assert.StartsWith("Edited:", library.Current.Get("cors").Title);
        Assert.Equal("cors", engine.Diagnose("withings: blocked by CORS policy").Diagnoses[0].Topic);
        Assert.StartsWith("Edited:", engine.Diagnose("withings: blocked by CORS policy").Diagnoses[0].Title);
    }

    [Fact]
    public void BrokenEditKeepsThePreviousTopics()
    {
        using var library = new TopicLibrary(store, NullLogger<TopicLibrary>.Instance);
        var before = library.Current;
        File.WriteAllText(Cors, File.ReadAllText(Cors).Replace("category: connectivity", "category: nonsense", StringComparison.Ordinal));

        store.Reload();

        Assert.Same(before, library.Current);
    }

    [Fact]
    public void InvalidTopicsAtStartStopTheStart()
    {
        File.WriteAllText(Cors, File.ReadAllText(Cors).Replace("category: connectivity", "category: nonsense", StringComparison.Ordinal));
        store.Reload();

        var error = Assert.Throws<TopicValidationException>(() => new TopicLibrary(store, NullLogger<TopicLibrary>.Instance));

        Assert.Contains("troubleshoot/cors.md", error.Message);
    }

    public void Dispose()
    {
        store.Dispose();
        cacheServices.Dispose();
        root.Delete(recursive: true);
    }

    private sealed class ContentRootEnvironment(string path) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Withings.Portal.Tests";
        public string ContentRootPath { get; set; } = path;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
