using Withings.Portal.Troubleshooting.Checks;

namespace Withings.Portal.Tests.Troubleshooting.Checks;

public class CodeAgeLiveCheckTests
{
    [Fact]
    public void FormNotSentGivesNoResult()
    {
        Assert.Null(CodeAgeLiveCheck.Run(null, null, null));
    }

    [Fact]
    public void TimesMoreThanThirtySecondsApartMeanAnExpiredCode()
    {
        var result = CodeAgeLiveCheck.Run("12:00:01", "12:00:45.5", "")!;

        Assert.True(result.HasProblems);
        Assert.Equal("44.5", result.Answers["age"]);
        Assert.Contains("44.5 s old", result.Findings[0].Message);
    }

    [Fact]
    public void TimesWithinThirtySecondsMeanTheCodeWasValid()
    {
        var result = CodeAgeLiveCheck.Run("2024-05-01T12:00:01Z", "2024-05-01T12:00:03Z", null)!;

        Assert.False(result.HasProblems);
        Assert.Equal("2", result.Answers["age"]);
    }

    [Fact]
    public void LogLinesAreReadWhenPasted()
    {
        var log = """
            2024-05-01 12:00:01,250 INFO GET /withings/callback?code=abc&state=xyz
            2024-05-01 12:00:40,750 INFO POST https://wbsapi.withings.net/v2/oauth2 action=requesttoken
            """;

        var result = CodeAgeLiveCheck.Run("", "", log)!;

        Assert.Equal("The code had expired.", result.Headline);
        Assert.Equal("39.5", result.Answers["age"]);
    }

    [Fact]
    public void MissingTimeIsAnInputProblem()
    {
        var result = CodeAgeLiveCheck.Run("12:00:01", "", "")!;

        Assert.True(result.InputProblem);
        Assert.Contains("Enter both times", result.Headline);
    }

    [Fact]
    public void UnreadableTimeIsNamedInTheMessage()
    {
        var result = CodeAgeLiveCheck.Run("noon", "12:00:03", null)!;

        Assert.True(result.InputProblem);
        Assert.Contains("The callback time “noon” is not a time", result.Headline);
    }

    [Fact]
    public void ExchangeBeforeTheRedirectIsAnInputProblem()
    {
        var result = CodeAgeLiveCheck.Run("12:00:30", "12:00:01", null)!;

        Assert.True(result.InputProblem);
        Assert.Contains("cannot come before the redirect", result.Headline);
    }

    [Fact]
    public void LogWithoutTheTwoLinesSaysWhatItNeeds()
    {
        var result = CodeAgeLiveCheck.Run(null, null, "ERROR invalid code")!;

        Assert.True(result.InputProblem);
        Assert.Contains("two timestamped lines", result.Headline);
    }
}
