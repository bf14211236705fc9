using Withings.Portal.Troubleshooting.Requests;
using Withings.Portal.Troubleshooting.Checks;

namespace Withings.Portal.Tests.Troubleshooting.Checks;

public class CodeAgeCheckTests
{
    [Fact]
    public void CodeOlderThanThirtySecondsIsExpired()
    {
        var verdict = CodeAgeCheck.Evaluate(47.3);

        Assert.Equal(CodeAgeOutcome.Expired, verdict.Outcome);
        Assert.Contains("47.3 s", verdict.Message);
        Assert.Contains("30 s", verdict.Message);
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(30)]
    public void CodeExchangedWithinThirtySecondsIsInTime(double seconds)
    {
        Assert.Equal(CodeAgeOutcome.InTime, CodeAgeCheck.Evaluate(seconds).Outcome);
    }

    [Fact]
    public void ExchangeBeforeRedirectIsInvalid()
    {
        Assert.Equal(CodeAgeOutcome.Invalid, CodeAgeCheck.Evaluate(-3).Outcome);
    }

    [Fact]
    public void TwoTypedTimesAreCompared()
    {
        var verdict = CodeAgeCheck.Evaluate("10:15:03.120", "2024-05-02T10:15:51.447Z");

        Assert.NotNull(verdict);
        Assert.Equal(48.327, verdict.Seconds, 3);
        Assert.Null(CodeAgeCheck.Evaluate("soon", "later"));
    }

    [Fact]
    public void TwoTypedTimesAcrossMidnightAreThirtySecondsApartNotAWrongOrder()
    {
        var acrossMidnight = CodeAgeCheck.Evaluate("23:59:50", "00:00:20");
        var swapped = CodeAgeCheck.Evaluate("12:00:30", "12:00:10");

        Assert.Equal(CodeAgeOutcome.InTime, acrossMidnight!.Outcome);
        Assert.Equal(30, acrossMidnight.Seconds, 3);
        Assert.Equal(CodeAgeOutcome.Invalid, swapped!.Outcome);
    }

    [Fact]
    public void PythonLoggingTimesAreReadFromALog()
    {
        var log = """
            2024-05-02 10:15:03,120 INFO werkzeug 127.0.0.1 - - "GET /callback?code=abc&state=xyz HTTP/1.1" 200 -
            2024-05-02 10:15:20,000 INFO app rendering consent summary
            2024-05-02 10:15:41,500 INFO app POST https://wbsapi.withings.net/v2/oauth2 action=requesttoken
            """;

        var verdict = CodeAgeCheck.FromLog(log);

        Assert.NotNull(verdict);
        Assert.Equal(38.38, verdict.Seconds, 2);
        Assert.Equal(CodeAgeOutcome.Expired, verdict.Outcome);
    }

    [Fact]
    public void HomeAssistantTimesAcrossMidnightAreRead()
    {
        var log = """
            2024-05-02 23:59:55.000 DEBUG (MainThread) [homeassistant.components.http] Serving /auth/external/callback?code=abc&state=s
            2024-05-03 00:00:02.500 DEBUG (MainThread) [homeassistant.helpers.config_entry_oauth2_flow] Token exchange (requesttoken) for withings
            """;

        Assert.Equal(7.5, CodeAgeCheck.FromLog(log)!.Seconds, 3);
    }

    [Fact]
    public void LogWithoutARedirectLineGivesNoVerdict()
    {
        Assert.Null(CodeAgeCheck.FromLog("10:00:01 POST /v2/oauth2 requesttoken\n10:00:02 status 503"));
    }
}
