using Withings.Portal.Troubleshooting.Checks;

namespace Withings.Portal.Tests.Troubleshooting.Checks;

public class DecidedAnswerTests
{
    [Fact]
    public void ExpiredCodeAnswersTheAgeQuestion()
    {
        var topic = TopicFiles.Catalog.Get("invalid-code");

        var decided = DecidedAnswer.For(topic, topic.FindStep("code-age")!, CodeAgeLiveCheck.Run("12:00:01", "12:00:45", null)!);

        Assert.Equal("fix-expired", decided?.Next.Id);
        Assert.Equal("More than 30 seconds", decided?.Answer.Label);
    }

    [Fact]
    public void UnregisteredRedirectUriAnswersTheRegisteredQuestion()
    {
        var topic = TopicFiles.Catalog.Get("redirect-uri-mismatch");

        var decided = DecidedAnswer.For(topic, topic.FindStep("registered")!, CallbackUrlLiveCheck.Run("https://example.com/cb/", "https://example.com/cb")!);

        Assert.Equal("fix-register", decided?.Next.Id);
    }

    [Fact]
    public void LocalhostCallbackAnswersTheRegistrationQuestion()
    {
        var topic = TopicFiles.Catalog.Get("invalid-callback-url");

        var decided = DecidedAnswer.For(topic, topic.StartStep, CallbackUrlLiveCheck.Run("http://localhost:3000/cb", null)!);

        Assert.Equal("fix-public-host", decided?.Next.Id);
    }

    [Fact]
    public void CheckThatSettlesNothingDecidesNothing()
    {
        var topic = TopicFiles.Catalog.Get("redirect-uri-mismatch");

        Assert.Null(DecidedAnswer.For(topic, topic.FindStep("registered")!, CallbackUrlLiveCheck.Run("https://example.com/cb", null)!));
    }

    [Fact]
    public void InputProblemDecidesNothing()
    {
        var topic = TopicFiles.Catalog.Get("invalid-code");

        Assert.Null(DecidedAnswer.For(topic, topic.FindStep("code-age")!, CodeAgeLiveCheck.Run("", "", "")!));
    }
}
