using Withings.Portal.Troubleshooting.Checks;

namespace Withings.Portal.Tests.Troubleshooting.Checks;

public class CallbackUrlLiveCheckTests
{
    [Fact]
    public void FormNotSentGivesNoResult()
    {
        Assert.Null(CallbackUrlLiveCheck.Run(null, null));
    }

    [Fact]
    public void EmptyUrlIsAnInputProblemThatSaysWhatToEnter()
    {
        var result = CallbackUrlLiveCheck.Run("  ", "https://example.com/cb")!;

        Assert.True(result.InputProblem);
        Assert.Contains("Enter the URL", result.Headline);
    }

    [Fact]
    public void PublicHttpsUrlPasses()
    {
        var result = CallbackUrlLiveCheck.Run("https://example.com/withings/callback", null)!;

        Assert.False(result.HasProblems);
        Assert.Equal("ok", result.Answers["url"]);
        Assert.False(result.Answers.ContainsKey("registered"));
    }

    [Theory]
    [InlineData("http://localhost:8080/cb", "local")]
    [InlineData("https://192.168.1.20/hook", "local")]
    [InlineData("http://example.com/cb", "http")]
    [InlineData("https://example.com:8123/cb", "port")]
    [InlineData("not a url", "invalid")]
    [InlineData("https://example.com/cb#section", "invalid")]
    public void UrlThatBreaksTheRulesIsClassifiedByItsMainProblem(string url, string verdict)
    {
        var result = CallbackUrlLiveCheck.Run(url, null)!;

        Assert.True(result.HasProblems);
        Assert.Equal(verdict, result.Answers["url"]);
    }

    [Fact]
    public void ProblemsUseTheRulesOwnMessages()
    {
        var result = CallbackUrlLiveCheck.Run("https://example.com:8123/cb", null)!;

        Assert.Contains(result.Findings, f => f.Message.Contains("Port 8123 is not allowed", StringComparison.Ordinal) && f.Topic == "invalid-callback-url");
    }

    [Fact]
    public void UrlInTheRegisteredListMatches()
    {
        var result = CallbackUrlLiveCheck.Run("https://example.com/cb", "https://other.example/x, https://example.com/cb")!;

        Assert.Equal("yes", result.Answers["registered"]);
        Assert.False(result.HasProblems);
    }

    [Fact]
    public void TrailingSlashIsNotAMatchAndTheMessageSaysSo()
    {
        var result = CallbackUrlLiveCheck.Run("https://example.com/cb/", "https://example.com/cb")!;

        Assert.Equal("no", result.Answers["registered"]);
        Assert.Contains(result.Findings, f => f.Kind == CheckFindingKind.Problem && f.Message.Contains("trailing slash", StringComparison.Ordinal));
    }

    [Fact]
    public void ProblemInTheRegisteredListIsANote()
    {
        var result = CallbackUrlLiveCheck.Run("https://example.com/cb", "https://example.com/cb,http://localhost/cb")!;

        Assert.Contains(result.Findings, f => f.Kind == CheckFindingKind.Note && f.Message.StartsWith("In the registered list:", StringComparison.Ordinal));
    }
}
