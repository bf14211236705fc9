using Withings.Portal.Content;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Tests.Troubleshooting.Topics;

/// <summary>Broken topic files are refused with the file and line of the problem.</summary>
public class TopicValidationTests
{
    private const string Valid = """
        ---
        slug: cors
        title: Blocked by CORS
        summary: Browser calls are refused.
        category: connectivity
        tags: [cors]
        related: [/troubleshoot/network-error]
        not_reproducible: "Happens in the browser."
        signals:
          phrases:
            - { text: "blocked by CORS policy", weight: 0.9 }
        steps:
          - id: start
            title: Where
            question: "Browser?"
            answers:
              - { label: "Yes", next: fix-backend }
              - { label: "No", next: fix-other }
          - id: fix-backend
            title: Backend
            fix: "Call from the server."
          - id: fix-other
            title: Other
            fix: "Something else."
        ---
        Body text.
        """;

    [Fact]
    public void ValidFileHasNoProblemOfItsOwn()
    {
        Assert.Empty(ProblemsOf(Valid));
    }

    [Theory]
    [InlineData("slug: cors", "slug: corz", "must equal the file name")]
    [InlineData("category: connectivity", "category: network", "category 'network'")]
    [InlineData("weight: 0.9", "weight: 1.5", "weight 1.5")]
    [InlineData("{ text: \"blocked by CORS policy\", weight: 0.9 }", "{ text: \"blocked by CORS policy\", weight: 0.9 }\n  facts:\n    - { fact: no-such-fact, weight: 0.5 }", "fact 'no-such-fact'")]
    [InlineData("next: fix-other", "next: fix-nowhere", "unknown step 'fix-nowhere'")]
    [InlineData("next: fix-other", "next: start", "steps loop")]
    [InlineData("next: fix-other", "next: fix-backend", "cannot be reached")]
    [InlineData("  - id: fix-other", "  - id: Fix_Other", "kebab-case")]
    [InlineData("fix: \"Something else.\"", "question: \"More?\"\n    answers:\n      - { label: \"A\", next: fix-backend }", "at least two answers")]
    [InlineData("related: [/troubleshoot/network-error]", "related: [/troubleshoot/no-such-topic]", "names no topic")]
    [InlineData("related: [/troubleshoot/network-error]", "related: [http://example.com]", "not a site route")]
    [InlineData("Body text.", "# Title\nBody", "no H1")]
    [InlineData("Body text.", "Hello <script>alert(1)</script>", "raw HTML")]
    [InlineData("fix: \"Call from the server.\"", "fix: \"See [x](/troubleshoot/cors/no-step).\"", "names no step")]
    [InlineData("  - id: fix-other", "  - id: reproduce", "is reserved")]
    [InlineData("not_reproducible: \"Happens in the browser.\"\n", "", "must say why in 'not_reproducible'")]
    [InlineData("{ label: \"Yes\", next: fix-backend }", "{ label: \"Yes\", next: fix-backend, when: { url: [fine] } }", "when.url 'fine'")]
    [InlineData("{ label: \"Yes\", next: fix-backend }", "{ label: \"Yes\", next: fix-backend, when: { registered: [maybe] } }", "when.registered 'maybe'")]
    [InlineData("tags: [cors]", "tags: [cors]\nunconfirmed_status_codes: [293]", "unconfirmed status 293 is not one of status_codes")]
    public void BrokenFileIsReportedWithItsProblem(string replace, string with, string problem)
    {
        var problems = ProblemsOf(Valid.Replace(replace, with, StringComparison.Ordinal));

        Assert.Contains(problems, p => p.Problem.Contains(problem, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Equal("troubleshoot/cors.md", p.File));
    }

    [Fact]
    public void UnknownFrontMatterKeyIsReportedOnItsLine()
    {
        var problems = ProblemsOf(Valid.Replace("tags: [cors]", "tags: [cors]\ntitel: typo", StringComparison.Ordinal));

        var problem = Assert.Single(problems);
        Assert.Equal(7, problem.Line);
    }

    [Fact]
    public void ReproduceValueThatLooksLikeASecretIsRefused()
    {
        var withSecret = Valid.Replace("not_reproducible: \"Happens in the browser.\"\n", "", StringComparison.Ordinal).Replace("steps:", """
            reproduce:
              failing:
                method: POST
                path: /wbsapi/v2/oauth2
                params:
                  - { name: client_secret, value: 3f9a1c0b7d2e4f6a8b0c1d2e3f4a5b6c, in: body }
              corrected:
                method: POST
                path: /wbsapi/v2/oauth2
            steps:
            """, StringComparison.Ordinal);

        var problems = ProblemsOf(withSecret);

        Assert.Contains(problems, p => p.Problem.Contains("looks like a real secret", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownReproducePreparationIsRefused()
    {
        var withPreparation = Valid.Replace("not_reproducible: \"Happens in the browser.\"", """
            reproduce:
              failing:
                prepare: [wait-a-minute]
                method: POST
                path: /wbsapi/v2/oauth2
              corrected:
                method: POST
                path: /wbsapi/v2/oauth2
            """, StringComparison.Ordinal);

        var problems = ProblemsOf(withPreparation);

        Assert.Contains(problems, p => p.Problem.Contains("prepare 'wait-a-minute'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("expect: { http: 200, status: 503 }", "status 503, which unconfirmed_status_codes lists")]
    [InlineData("expect: { http: 200, status: 503, unconfirmed: true }", null)]
    public void ExpectedStatusThatTheTopicMarksUnconfirmedMustBeMarkedUnconfirmed(string expect, string? problem)
    {
        var withReproduce = Valid.Replace("tags: [cors]", "tags: [cors]\nstatus_codes: [503]\nunconfirmed_status_codes: [503]", StringComparison.Ordinal)
            .Replace("not_reproducible: \"Happens in the browser.\"", $$"""
            reproduce:
              failing:
                method: POST
                path: /wbsapi/v2/oauth2
                {{expect}}
              corrected:
                method: POST
                path: /wbsapi/v2/oauth2
                expect: { http: 200, status: 0 }
            """, StringComparison.Ordinal);

        var problems = ProblemsOf(withReproduce);

        if (problem is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problems, p => p.Problem.Contains(problem, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void MissingContractTopicsAreListed()
    {
        var error = Assert.Throws<TopicValidationException>(() => TopicCatalog.FromFiles([MarkdownFile.Parse("troubleshoot/cors.md", Valid)]));

        Assert.Contains(error.Problems, p => p.Problem.Contains("'invalid-code' has no file", StringComparison.Ordinal));
    }

    private static List<ContentException> ProblemsOf(string text)
    {
        var file = MarkdownFile.Parse("troubleshoot/cors.md", text);
        var network = MarkdownFile.Parse("troubleshoot/network-error.md", File.ReadAllText(Path.Combine(TopicFiles.ContentRoot, "troubleshoot", "network-error.md")));
        var error = Assert.Throws<TopicValidationException>(() => TopicCatalog.FromFiles([file, network]));
        return error.Problems.Where(p => p.File == "troubleshoot/cors.md" && !p.Problem.Contains("has no file", StringComparison.Ordinal)).ToList();
    }
}
