using Withings.Portal.Content;

namespace Withings.Portal.Tests.Content;

public class ContentOptionsTests
{
    [Fact]
    public void CheckoutContentFolderIsFoundFromTheProjectFolder()
    {
        var repo = Directory.CreateTempSubdirectory("portal-repo-");
        var project = Directory.CreateDirectory(Path.Combine(repo.FullName, "src", "Withings.Portal"));
        Directory.CreateDirectory(Path.Combine(repo.FullName, "content"));

        var root = new ContentOptions().ResolveRoot(project.FullName);

        Assert.Equal(Path.Combine(repo.FullName, "content"), root);
    }

    [Fact]
    public void ConfiguredRelativeRootIsResolvedAgainstTheContentRoot()
    {
        var root = new ContentOptions { Root = "docs/content" }.ResolveRoot("/srv/portal");

        Assert.Equal("/srv/portal/docs/content", root);
    }

    [Fact]
    public void WithoutACheckoutThePublishedCopyIsUsed()
    {
        var lonely = Directory.CreateTempSubdirectory("portal-published-").CreateSubdirectory("a").CreateSubdirectory("b");

        var root = new ContentOptions().ResolveRoot(lonely.FullName);

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "content"), root);
    }
}
