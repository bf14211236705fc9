using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Content;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Content;

public class ContentStoreTests
{
    [Fact]
    public async Task EditedMarkdownShowsOnTheNextRequestWithoutRestart()
    {
        var content = CopyOfRepositoryContent();
        await using var portal = new PortalFactory { Settings = { ["Content:Root"] = content.FullName } };
        try
        {
            var client = portal.CreateClient();
            var before = await client.GetStringAsync("/glossary/scope", TestContext.Current.CancellationToken);
            await client.GetStringAsync("/glossary/scope", TestContext.Current.CancellationToken); // now served from the cache
            Assert.DoesNotContain("Edited while the portal runs", before);

            var file = Path.Combine(content.FullName, "glossary", "scope.md");
            await File.AppendAllTextAsync(file, "\n\nEdited while the portal runs.\n", TestContext.Current.CancellationToken);

            var after = await WaitForAsync(() => client.GetStringAsync("/glossary/scope", TestContext.Current.CancellationToken),
                html => html.Contains("Edited while the portal runs", StringComparison.Ordinal));
            Assert.Contains("Edited while the portal runs", after);
        }
        finally
        {
            portal.DeleteData();
            content.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AFileListedButGoneBeforeItIsReadIsLeftOutInsteadOfEndingTheProcess()
    {
        // A dangling link is listed like a file and cannot be read: the state of a file deleted or renamed between the
        // listing and the read (in CI a test removed its content copy while the watcher's reload was running).
        var content = CopyOfRepositoryContent();
        File.CreateSymbolicLink(Path.Combine(content.FullName, "glossary", "gone.md"), Path.Combine(content.FullName, "no-such-file.md"));
        await using var portal = new PortalFactory { Settings = { ["Content:Root"] = content.FullName } };
        try
        {
            var store = portal.Services.GetRequiredService<ContentStore>();

            store.ReloadAfterChange();

            Assert.Null(store.Current.Find(ContentKind.Glossary, "gone"));
            Assert.NotNull(store.Current.Find(ContentKind.Glossary, "scope"));
        }
        finally
        {
            portal.DeleteData();
            content.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task NewFileBecomesAPageAndABrokenEditKeepsTheRestServing()
    {
        var content = CopyOfRepositoryContent();
        await using var portal = new PortalFactory { Settings = { ["Content:Root"] = content.FullName } };
        try
        {
            var store = portal.Services.GetRequiredService<ContentStore>();
            await File.WriteAllTextAsync(Path.Combine(content.FullName, "glossary", "webhook.md"),
                "---\nslug: webhook\ntitle: Webhook\nsummary: Another name for a notification callback.\n---\nSee [notification](notification.md).\n",
                TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(content.FullName, "glossary", "broken.md"), "no front matter\n", TestContext.Current.CancellationToken);

            var snapshot = await WaitForAsync(() => Task.FromResult(store.Current), s => s.Find(ContentKind.Glossary, "webhook") is not null);

            Assert.Contains(snapshot.Problems, p => p.File == "glossary/broken.md");
            Assert.NotNull(snapshot.Find(ContentKind.Glossary, "scope"));
            var html = await portal.CreateClient().GetStringAsync("/glossary/webhook", TestContext.Current.CancellationToken);
            Assert.Contains("href=\"/glossary/notification\"", html);
        }
        finally
        {
            portal.DeleteData();
            content.Delete(recursive: true);
        }
    }

    private static DirectoryInfo CopyOfRepositoryContent()
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

    /// <summary>File watching is asynchronous: poll (up to 10 s) rather than sleep a fixed time.</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
