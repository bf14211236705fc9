using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Content;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Content;

/// <summary>Every file under the repository's content/ through the real pipeline, links checked against every route the portal serves.</summary>
public class RepositoryContentTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private ContentSnapshot Content => fixture.Portal.Services.GetRequiredService<ContentStore>().Current;

    [Fact]
    public void EveryContentFileRendersWithoutProblems()
    {
        var problems = Content.Problems.Select(p => p.Message).ToList();

        Assert.True(problems.Count == 0, $"{problems.Count} content problem(s):\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void EveryContentFileBecomesAPage()
    {
        var files = ContentKinds.All.Sum(kind => Directory.EnumerateFiles(Path.Combine(Content.Root, kind.Folder()), "*.md").Count());

        Assert.Equal(files, Content.Pages.Count);
    }

    /// <summary>The questions of the seed FAQ the portal started from, one per line, as the user wrote them.</summary>
    public static TheoryData<string> SeedQuestions() =>
        new(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seed-questions.txt")).Where(l => l.Length > 0));

    [Theory]
    [MemberData(nameof(SeedQuestions))]
    public void SeedQuestionHasAnFaqPage(string question)
    {
        var asked = Words(question);

        var best = Content.OfKind(ContentKind.Faq).MaxBy(page => Overlap(asked, Words(page.Title)));

        Assert.NotNull(best);
        Assert.True(Overlap(asked, Words(best.Title)) >= 0.6, $"No FAQ page asks: {question} (closest: {best.Title})");
    }

    [Fact]
    public void SeedQuestionsAndFaqPagesMatchOneToOne()
    {
        var faqCount = Content.OfKind(ContentKind.Faq).Count();

        Assert.Equal(SeedQuestions().Count, faqCount);
    }

    private static HashSet<string> Words(string text) =>
        text.ToLowerInvariant().Replace("oauth2.0", "oauth 2.0").Replace("oauth1.0", "oauth 1.0")
            .Split([' ', '?', ':', '.', ',', '#', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries).ToHashSet();

    private static double Overlap(HashSet<string> question, HashSet<string> title) =>
        (double)question.Count(title.Contains) / question.Count;
}
