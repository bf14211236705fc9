using Withings.Portal.Troubleshooting.Requests;

namespace Withings.Portal.Tests.Troubleshooting.Requests;

public class ShellWordsTests
{
    [Theory]
    [InlineData("curl -X POST https://a.example/x", new[] { "curl", "-X", "POST", "https://a.example/x" })]
    [InlineData("curl  \t-d   a=1   ", new[] { "curl", "-d", "a=1" })]
    [InlineData("curl -H 'Content-Type: text/plain' -d 'a b'", new[] { "curl", "-H", "Content-Type: text/plain", "-d", "a b" })]
    [InlineData("curl -d \"say \\\"hi\\\" \\$HOME \\n\"", new[] { "curl", "-d", "say \"hi\" $HOME \\n" })]
    [InlineData("a'b'\"c\"d\\ e", new[] { "ab" + "cd e" })]
    [InlineData("a '' \"\" b", new[] { "a", "", "", "b" })]
    [InlineData("curl 'never closed", new[] { "curl", "never closed" })]
    [InlineData("curl \"never closed\\", new[] { "curl", "never closed\\" })]
    [InlineData("trailing\\", new[] { "trailing\\" })]
    [InlineData("x^y a`b", new[] { "x^y", "a`b" })]
    public void QuotesAndEscapesAreReadAsAPosixShellReadsThem(string command, string[] expected)
    {
        Assert.Equal(expected, ShellWords.Split(command));
    }

    [Theory]
    [InlineData("curl \\\n  -d a=1 \\\r\n  -d b=2")]
    [InlineData("curl ^\r\n  -d a=1 ^\n  -d b=2")]
    [InlineData("curl `\r\n  -d a=1 `\n  -d b=2")]
    public void LineContinuationsOfEveryShellJoinTheCommand(string command)
    {
        Assert.Equal(["curl", "-d", "a=1", "-d", "b=2"], ShellWords.Split(command));
    }

    [Fact]
    public void NoBreakSpacesCopiedFromAWebPageSeparateWords()
    {
        Assert.Equal(["curl", "-X", "GET", "https://a.example"], ShellWords.Split("curl\u00A0-X\u2003GET\u00A0https://a.example"));
    }

    [Fact]
    public void AContinuationInsideAWordJoinsItsTwoHalves()
    {
        Assert.Equal(["curl", "abcdef"], ShellWords.Split("curl abc\\\ndef"));
    }
}
