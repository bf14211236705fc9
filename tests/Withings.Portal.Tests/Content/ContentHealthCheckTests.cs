using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Withings.Portal.Content;
using Withings.Portal.Content.Markdown;

namespace Withings.Portal.Tests.Content;

public sealed class ContentHealthCheckTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("content-health-");
    private readonly ServiceProvider cacheServices = new ServiceCollection().AddOptions().AddOutputCache().BuildServiceProvider();

    [Fact]
    public async Task EmptyContentFolderIsNotReady()
    {
        using var store = Store();

        var result = await new ContentHealthCheck(store).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("No help content is loaded", result.Description);
    }

    [Fact]
    public async Task LoadedContentIsReady()
    {
        File.Copy(Path.Combine(Infrastructure.RepositoryPaths.Root, "content", "faq", "invalid-code.md"),
            Path.Combine(root.CreateSubdirectory("faq").FullName, "invalid-code.md"));
        using var store = Store();

        var result = await new ContentHealthCheck(store).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    private ContentStore Store() =>
        new(Options.Create(new ContentOptions { Root = root.FullName }), new Environment(root.FullName),
            new ContentLoader(PortalMarkdown.CreatePipeline(), new AppRoutes([new AppRouteSet("any", _ => true, () => [])])),
            cacheServices.GetRequiredService<IOutputCacheStore>(), NullLogger<ContentStore>.Instance);

    public void Dispose()
    {
        cacheServices.Dispose();
        root.Delete(recursive: true);
    }

    private sealed class Environment(string path) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "Withings.Portal";
        public string ContentRootPath { get; set; } = path;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
