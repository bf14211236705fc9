using Withings.Portal.Content;
using Withings.Portal.Content.Markdown;

namespace Withings.Portal.Tests.Content;

public class ContentLoaderTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("portal-content-");

    private static readonly ContentLoader Loader = new(PortalMarkdown.CreatePipeline(),
        new AppRoutes([AppRouteSet.Fixed("test", "/", "/errors/503")]));

    [Fact]
    public void RelativeMarkdownLinkBecomesTheSiteRouteWithItsAnchor()
    {
        Write("glossary/callback-url.md", Page("callback-url", "Callback URL") + "## Rules\n\nHttps only.\n");
        Write("faq/a.md", Faq("a") + "See the [rules](../glossary/callback-url.md#rules).\n");

        var content = Loader.Load(root.FullName);

        Assert.Empty(content.Problems);
        Assert.Contains("""<a href="/glossary/callback-url#rules">rules</a>""", content.Find(ContentKind.Faq, "a")!.Html);
    }

    [Fact]
    public void BrokenLinkIsReportedWithItsFileAndLine()
    {
        Write("faq/a.md", Faq("a") + "First line.\n\nSee [nothing](/faq/does-not-exist).\n");

        var problem = Assert.Single(Loader.Load(root.FullName).Problems);

        Assert.Equal("faq/a.md", problem.File);
        Assert.Equal(9, problem.Line);
        Assert.Contains("/faq/does-not-exist", problem.Problem);
    }

    [Fact]
    public void LinkToAMissingHeadingIsReported()
    {
        Write("guides/g.md", Page("g", "Guide") + "## Step one\n");
        Write("faq/a.md", Faq("a") + "[x](/guides/g#step-two) and [y](/guides/g#step-one)\n");

        var problem = Assert.Single(Loader.Load(root.FullName).Problems);

        Assert.Contains("#step-two", problem.Problem);
    }

    [Fact]
    public void RoutesServedByOtherFeaturesAreValidLinks()
    {
        Write("faq/a.md", Faq("a") + "[status 503](/errors/503) and [home](/)\n");

        Assert.Empty(Loader.Load(root.FullName).Problems);
    }

    [Fact]
    public void LinksToATopicsStepsAreValidAndToAMissingStepAreNot()
    {
        Write("troubleshoot/cors.md", Page("cors", "CORS", "steps:\n  - id: start\n    question: \"Where?\"\n  - id: fix-proxy\n    fix: \"Use a server.\"\n"));
        Write("faq/a.md", Faq("a") + "[fix](/troubleshoot/cors/fix-proxy) and [nothing](/troubleshoot/cors/no-such-step)\n");

        var content = Loader.Load(root.FullName);

        Assert.Equal(["/troubleshoot/cors/start", "/troubleshoot/cors/fix-proxy"], content.Find(ContentKind.Troubleshoot, "cors")!.StepRoutes);
        var problem = Assert.Single(content.Problems);
        Assert.Contains("/troubleshoot/cors/no-such-step", problem.Problem);
    }

    [Fact]
    public void StepsOutsideTheTroubleshooterAreReported()
    {
        Write("faq/a.md", Faq("a", "steps:\n  - id: start\n"));

        Assert.Contains(Loader.Load(root.FullName).Problems, p => p.Problem.Contains("'steps' is only for troubleshooter topics", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoFilesClaimingOneSlugAreReportedAndTheFirstIsKept()
    {
        Write("faq/a.md", Faq("a"));
        Write("faq/b.md", Faq("a"));

        var content = Loader.Load(root.FullName);

        Assert.Single(content.OfKind(ContentKind.Faq));
        Assert.Contains(content.Problems, p => p.File == "faq/b.md" && p.Problem.StartsWith("duplicate slug", StringComparison.Ordinal));
        Assert.Contains(content.Problems, p => p.File == "faq/b.md" && p.Problem.Contains("must equal the file name"));
    }

    [Fact]
    public void MissingTitleAndCategoryAreReported()
    {
        Write("faq/a.md", "---\nslug: a\nsummary: s\n---\nBody\n");

        var problems = Loader.Load(root.FullName).Problems.Select(p => p.Problem).ToList();

        Assert.Contains("front matter: 'title' is required.", problems);
        Assert.Contains("front matter: 'category' is required for FAQ pages.", problems);
    }

    [Fact]
    public void UnparsableFrontMatterLeavesTheFileOutAndNamesIt()
    {
        Write("faq/a.md", "---\nslug: a\ntitle: [unclosed\n---\nBody\n");
        Write("faq/b.md", Faq("b"));

        var content = Loader.Load(root.FullName);

        Assert.Equal("faq/a.md", Assert.Single(content.Problems).File);
        Assert.Equal("b", Assert.Single(content.Pages).Slug);
    }

    [Fact]
    public void UnknownTroubleshooterTopicIsReported()
    {
        Write("faq/a.md", Faq("a", "topics: [no-such-topic]\n"));

        Assert.Contains("no-such-topic", Assert.Single(Loader.Load(root.FullName).Problems).Problem);
    }

    [Fact]
    public void RawHtmlInContentIsEscapedNotRun()
    {
        Write("faq/a.md", Faq("a") + "<script>alert('x')</script>\n\nText with <img src=x onerror=alert(1)> inline.\n");

        var html = Loader.Load(root.FullName).Find(ContentKind.Faq, "a")!.Html;

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void SectionHeadingsGetAnchorsThatLinkToThemselves()
    {
        Write("faq/a.md", Faq("a") + "## How to fix it\n\nText\n");

        var page = Loader.Load(root.FullName).Find(ContentKind.Faq, "a")!;

        Assert.Contains("""<h2 id="how-to-fix-it">How to fix it <a class="heading-anchor" href="#how-to-fix-it" data-copy-link""", page.Html);
        Assert.Equal(new PageHeading(2, "how-to-fix-it", "How to fix it"), Assert.Single(page.Headings));
    }

    [Fact]
    public void ExternalLinksOpenWithNoopener()
    {
        Write("faq/a.md", Faq("a") + "[Withings](https://developer.withings.com/)\n");

        Assert.Contains("""<a href="https://developer.withings.com/" rel="noopener">""", Loader.Load(root.FullName).Find(ContentKind.Faq, "a")!.Html);
    }

    [Fact]
    public void GitHubAlertsRenderAsCallouts()
    {
        Write("faq/a.md", Faq("a") + "> [!WARNING]\n> The code lives 30 seconds.\n");

        Assert.Contains("markdown-alert-warning", Loader.Load(root.FullName).Find(ContentKind.Faq, "a")!.Html);
    }

    [Fact]
    public void FaqAndTopicArePresentedAsRelatedBothWays()
    {
        Write("troubleshoot/invalid-code.md", Page("invalid-code", "Invalid code"));
        Write("faq/a.md", Faq("a", "topics: [invalid-code]\n"));

        var content = Loader.Load(root.FullName);

        Assert.Equal("/troubleshoot/invalid-code", Assert.Single(content.RelatedTo(content.Find(ContentKind.Faq, "a")!)).Page.Route);
        Assert.Equal("/faq/a", Assert.Single(content.RelatedTo(content.Find(ContentKind.Troubleshoot, "invalid-code")!)).Page.Route);
    }

    [Fact]
    public void RelatedPageMayPointAtASectionThatMustExist()
    {
        Write("guides/g.md", Page("g", "Guide") + "## Step one\n");
        Write("faq/a.md", Faq("a", "related: [/guides/g#step-one, /guides/g#step-nine]\n"));

        var content = Loader.Load(root.FullName);

        Assert.Contains("#step-nine", Assert.Single(content.Problems).Problem);
        Assert.Equal("/guides/g", Assert.Single(content.RelatedTo(content.Find(ContentKind.Faq, "a")!)).Page.Route);
    }

    public void Dispose() => root.Delete(recursive: true);

    private static string Page(string slug, string title, string extra = "") =>
        $"---\nslug: {slug}\ntitle: {title}\nsummary: About {title}.\n{extra}---\n";

    private static string Faq(string slug, string extra = "") => Page(slug, $"Question {slug}?", "category: Tests\n" + extra);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
