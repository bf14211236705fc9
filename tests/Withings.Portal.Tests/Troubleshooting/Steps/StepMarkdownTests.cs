using Withings.Portal.Content.Markdown;
using Withings.Portal.Troubleshooting.Steps;

namespace Withings.Portal.Tests.Troubleshooting.Steps;

public class StepMarkdownTests
{
    private readonly StepMarkdown markdown = new(PortalMarkdown.CreatePipeline());

    [Fact]
    public void FixIsRenderedAsMarkdownWithItsLinks()
    {
        var topic = TopicFiles.Catalog.Get("invalid-code");

        var html = markdown.FixHtml(topic, topic.FindStep("refresh-instead")!);

        Assert.Contains("<a href=\"/troubleshoot/invalid-refresh-token\">invalid refresh token</a>", html);
    }

    [Fact]
    public void FixMarkdownFormattingBecomesHtml()
    {
        var topic = TopicFiles.Catalog.Get("invalid-code");

        var html = markdown.FixHtml(topic, topic.FindStep("fix-expired")!);

        Assert.Contains("<strong>30 seconds</strong>", html);
        Assert.Contains("<code>authorize2</code>", html);
    }

    [Fact]
    public void QuestionStepHasNoFixHtml()
    {
        var topic = TopicFiles.Catalog.Get("invalid-code");

        Assert.Equal("", markdown.FixHtml(topic, topic.StartStep));
    }
}
