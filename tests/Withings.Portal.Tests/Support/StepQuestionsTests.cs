using Withings.Portal.Support.Links;
using Withings.Portal.Tests.Troubleshooting;

namespace Withings.Portal.Tests.Support;

/// <summary>"Make a link" offers the query values a step and the steps after it test, and passes on only accepted ones.</summary>
public sealed class StepQuestionsTests
{
    private static readonly Withings.Portal.Troubleshooting.Topics.Topic InvalidCode = TopicFiles.Catalog.Get("invalid-code");

    [Fact]
    public void StartStepAsksWhatItsAnswersAndTheFollowingStepsTest()
    {
        var questions = StepQuestions.For(InvalidCode, InvalidCode.StartStep);

        var status = Assert.Single(questions, q => q.Key == "status");
        Assert.Contains("503", status.Choices);
        Assert.True(Assert.Single(questions, q => q.Key == "age").IsNumber);
    }

    [Fact]
    public void FixStepAsksNothing()
    {
        Assert.Empty(StepQuestions.For(InvalidCode, InvalidCode.FindStep("fix-expired")!));
    }

    [Fact]
    public void AcceptedAnswersBecomeTheQueryInVocabularyOrder()
    {
        var (query, problems) = StepQuestions.Build(InvalidCode, InvalidCode.StartStep,
            new Dictionary<string, string?> { ["age"] = "60", ["endpoint"] = "token", ["status"] = "503", ["unrelated"] = "x" });

        Assert.Empty(problems);
        Assert.Equal("status=503&endpoint=token&age=60", query);
    }

    [Theory]
    [InlineData("status", "<script>")]
    [InlineData("age", "soon")]
    [InlineData("age", "-5")]
    public void AnswerTheStepDoesNotAcceptIsReportedAndLeftOut(string key, string value)
    {
        var (query, problems) = StepQuestions.Build(InvalidCode, InvalidCode.StartStep, new Dictionary<string, string?> { [key] = value });

        Assert.Equal("", query);
        Assert.Single(problems);
    }
}
