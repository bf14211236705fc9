using Withings.Portal.Content;

namespace Withings.Portal.Tests.Content;

public class MarkdownFileTests
{
    private sealed class Page
    {
        public string Slug { get; set; } = "";
        public List<int> StatusCodes { get; set; } = [];
    }

    [Fact]
    public void FrontMatterAndBodyAreSplitWithTheirLines()
    {
        var file = MarkdownFile.Parse("faq/a.md", "---\nslug: a\nstatus_codes: [503, 601]\n---\n# Title\n\nText\n");

        var page = file.ReadFrontMatter<Page>();

        Assert.Equal("a", page.Slug);
        Assert.Equal([503, 601], page.StatusCodes);
        Assert.Equal("# Title\n\nText\n", file.Body);
        Assert.Equal(5, file.BodyLine);
    }

    [Fact]
    public void MissingFrontMatterNamesTheFile()
    {
        var error = Assert.Throws<ContentException>(() => MarkdownFile.Parse("faq/b.md", "# No front matter\n"));

        Assert.StartsWith("faq/b.md:1:", error.Message);
    }

    [Fact]
    public void UnknownKeyIsAnErrorOnItsLine()
    {
        var file = MarkdownFile.Parse("faq/c.md", "---\nslug: c\ntitel: typo\n---\nbody\n");

        var error = Assert.Throws<ContentException>(() => file.ReadFrontMatter<Page>());

        Assert.Equal("faq/c.md", error.File);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void UnparsableYamlIsAnErrorOnItsLine()
    {
        var file = MarkdownFile.Parse("faq/d.md", "---\nslug: d\nstatus_codes: [503\n---\nbody\n");

        var error = Assert.Throws<ContentException>(() => file.ReadFrontMatter<Page>());

        Assert.Equal("faq/d.md", error.File);
        Assert.InRange(error.Line, 3, 4);
    }

    [Fact]
    public void WindowsLineEndingsAreAccepted()
    {
        var file = MarkdownFile.Parse("faq/e.md", "---\r\nslug: e\r\n---\r\nbody\r\n");

        Assert.Equal("e", file.ReadFrontMatter<Page>().Slug);
        Assert.Equal("body\n", file.Body);
    }
}
