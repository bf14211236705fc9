using Withings.Portal.Troubleshooting.Requests;
using Withings.Portal.Troubleshooting.Checks;

namespace Withings.Portal.Tests.Troubleshooting.Checks;

public class RequestLintLiveCheckTests
{
    private static readonly RequestLinter Topics = new(TopicFiles.Catalog);

    [Fact]
    public void FormNotSentGivesNoResult()
    {
        Assert.Null(RequestLintLiveCheck.Run(null, Topics));
    }

    [Fact]
    public void TextWithoutARequestSaysWhatToPaste()
    {
        var result = RequestLintLiveCheck.Run("it does not work since yesterday", Topics)!;

        Assert.True(result.InputProblem);
        Assert.Contains("No request found", result.Headline);
    }

    [Fact]
    public void TooLongTextIsRefusedWithItsLength()
    {
        var result = RequestLintLiveCheck.Run(new string('x', RequestLintLiveCheck.MaxLength + 1), Topics)!;

        Assert.True(result.InputProblem);
        Assert.Contains($"{RequestLintLiveCheck.MaxLength + 1} characters", result.Headline);
    }

    [Fact]
    public void TokenParametersInTheQueryAreAProblemAndAnswerWhereTheyWent()
    {
        var result = RequestLintLiveCheck.Run(
            "curl -X POST 'https://wbsapi.withings.net/v2/oauth2?action=requesttoken&grant_type=authorization_code&client_id=abc&client_secret=xyz&code=c0de'",
            Topics)!;

        Assert.True(result.HasProblems);
        Assert.Equal("query", result.Answers["params"]);
        Assert.Contains(result.Findings, f => f.Message.StartsWith("Read: POST https://wbsapi.withings.net/v2/oauth2", StringComparison.Ordinal));
    }

    [Fact]
    public void WrongHostIsFoundAndNamesItsTopic()
    {
        var result = RequestLintLiveCheck.Run("curl https://wbsapi.withings.com/measure -d action=getmeas -H 'Authorization: Bearer abc'", Topics)!;

        Assert.Equal("api-com", result.Answers["host"]);
        Assert.Contains(result.Findings, f => f.Topic == "wrong-api-host");
    }

    [Fact]
    public void CorrectTokenRequestHasNothingToFix()
    {
        var result = RequestLintLiveCheck.Run(
            "curl -X POST https://wbsapi.withings.net/v2/oauth2 -d action=requesttoken -d grant_type=authorization_code -d client_id=abc -d client_secret=xyz -d code=c0de -d redirect_uri=https://example.com/cb",
            Topics)!;

        Assert.False(result.HasProblems);
        Assert.Equal("No problem found in this request.", result.Headline);
    }
}
