using Withings.Client;
using Withings.Portal.Troubleshooting.Reproduce;

namespace Withings.Portal.Tests.Troubleshooting.Reproduce;

public class ExchangeTextTests
{
    [Fact]
    public void StatusNamesTheHttpStatusAndWithingsOwn()
    {
        Assert.Equal("HTTP 200, status 503", ExchangeText.Status(Answer("""{"status":503,"body":{},"error":"Invalid Params: invalid code"}""")));
        Assert.Equal("HTTP 404", ExchangeText.Status(Answer("Not Found", status: 404, contentType: "text/plain")));
    }

    [Fact]
    public void RequestIsShownAsOnTheWire()
    {
        var text = ExchangeText.Request(Answer("{}"));

        Assert.Equal("POST https://portal.example/sandbox/wbsapi/v2/oauth2\nContent-Type: application/x-www-form-urlencoded\n\naction=requesttoken&code=<code>", text);
    }

    [Fact]
    public void JsonAnswerIsIndentedWithPlaceholdersKept()
    {
        var text = ExchangeText.Response(Answer("""{"status":0,"body":{"access_token":"<access_token>"}}"""));

        Assert.Contains("\n  \"status\": 0,", text);
        Assert.Contains("\"access_token\": \"<access_token>\"", text);
    }

    [Fact]
    public void HtmlAnswerIsNamedByItsTitle()
    {
        var exchange = Answer("<html><head><title>Invalid clientid</title></head><body>…</body></html>", status: 400, contentType: "text/html; charset=utf-8");

        Assert.Equal("Invalid clientid", ExchangeText.HtmlTitle(exchange));
        Assert.Contains("(an HTML page, “Invalid clientid”", ExchangeText.Response(exchange));
    }

    [Fact]
    public void LongBodyIsCutWithWhatWasLeftOut()
    {
        var text = ExchangeText.Shorten(new string('x', ExchangeText.MaxBodyShown + 10));

        Assert.EndsWith("… (10 more characters)", text);
    }

    private static HttpExchange Answer(string body, int status = 200, string contentType = "application/json; charset=utf-8") => new(
        "POST", "https://portal.example/sandbox/wbsapi/v2/oauth2",
        [KeyValuePair.Create("Content-Type", "application/x-www-form-urlencoded")], "action=requesttoken&code=<code>",
        status, [KeyValuePair.Create("Content-Type", contentType)], body, 3);
}
