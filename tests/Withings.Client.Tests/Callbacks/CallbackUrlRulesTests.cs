namespace Withings.Client.Tests.Callbacks;

public class CallbackUrlRulesTests
{
    [Theory]
    [InlineData("https://partner.example/withings/callback")]
    [InlineData("https://partner.example:443/cb")]
    [InlineData("https://partner.example:80/cb")]
    [InlineData("https://sub.partner.example/cb?x=1")]
    public void PublicHttpsUrlsAreAccepted(string url) => Assert.True(CallbackUrlRules.Check(url).IsValid);

    [Theory]
    [InlineData("https://partner.example:8123/api/webhook", "Port 8123 is not allowed: Withings only calls ports 80 and 443.")]
    [InlineData("http://partner.example/cb", "The URL uses http://: Withings only accepts https:// callback URLs.")]
    [InlineData("https://localhost/cb", "localhost is not allowed: Withings must reach the callback URL from the internet. Use a public host name (for local development, a tunnel to your machine).")]
    [InlineData("https://192.168.1.10/cb", "192.168.1.10 is an IP address: Withings only accepts host names, not IP addresses.")]
    [InlineData("https://[2001:db8::1]/cb", "[2001:db8::1] is an IP address: Withings only accepts host names, not IP addresses.")]
    [InlineData("partner.example/cb", "This is not a valid URL: write the full address with its scheme, e.g. https://example.com/withings/callback (no spaces; special characters URL-encoded).")]
    [InlineData("https://partner.example/my callback", "This is not a valid URL: write the full address with its scheme, e.g. https://example.com/withings/callback (no spaces; special characters URL-encoded).")]
    [InlineData("", "The URL is empty: enter the full callback URL, e.g. https://example.com/withings/callback.")]
    [InlineData("https://partner.example/cb#done", "The URL has a #fragment: callback URLs cannot contain one, because the code and state are added to the query.")]
    public void EachBrokenRuleHasItsOwnMessage(string url, string message) =>
        Assert.Contains(message, CallbackUrlRules.Check(url).Problems);

    [Fact]
    public void UrlsLongerThan255CharactersAreRefused()
    {
        var url = "https://partner.example/" + new string('a', 240);

        Assert.Contains($"The URL is {url.Length} characters long: Withings accepts at most 255.", CallbackUrlRules.Check(url).Problems);
        Assert.True(CallbackUrlRules.Check(url[..255]).IsValid);
    }

    [Theory]
    [InlineData("http://localhost:5000/playground/callback")]
    [InlineData("http://localhost:44321/cb")]
    [InlineData("https://partner.example/cb")]
    public void RestrictedModeAlsoAcceptsLocalhostOnAnyPort(string url) =>
        Assert.True(CallbackUrlRules.Check(url, CallbackUrlMode.Restricted).IsValid);

    [Fact]
    public void RestrictedModeStillRefusesIpAddresses() =>
        Assert.False(CallbackUrlRules.Check("http://127.0.0.1:5000/cb", CallbackUrlMode.Restricted).IsValid);

    [Fact]
    public void CommaSeparatedListIsCheckedEntryByEntry()
    {
        var (urls, problems) = CallbackUrlRules.CheckList("https://a.example/cb, https://b.example:8443/cb,,https://a.example/cb");

        Assert.Equal(["https://a.example/cb"], urls);
        Assert.Contains("https://b.example:8443/cb: Port 8443 is not allowed: Withings only calls ports 80 and 443.", problems);
        Assert.Contains("Entry 3 of the list is empty: remove the extra comma.", problems);
    }

    [Theory]
    [InlineData("https://a.example/cb", true)]
    [InlineData("https://A.EXAMPLE/cb", true)]
    [InlineData("https://b.example/other", true)]
    [InlineData("https://a.example/cb/", false)]
    [InlineData("https://a.example/CB", false)]
    [InlineData("https://a.example/cb?x=1", false)]
    [InlineData("http://a.example/cb", false)]
    public void RedirectUriMustEqualARegisteredUrl(string redirectUri, bool matches) =>
        Assert.Equal(matches, CallbackUrlRules.MatchRedirectUri(redirectUri, ["https://a.example/cb", "https://b.example/other"]).IsMatch);

    [Fact]
    public void SameDomainIsNotEnoughAndTheMessageSaysSo()
    {
        var match = CallbackUrlRules.MatchRedirectUri("https://a.example/withings", ["https://a.example/cb"]);

        Assert.False(match.IsMatch);
        Assert.Contains("Being on the same domain is not enough", match.Message);
    }

    [Fact]
    public void TrailingSlashDifferenceIsPointedOut() =>
        Assert.Contains("only by a trailing slash", CallbackUrlRules.MatchRedirectUri("https://a.example/cb/", ["https://a.example/cb"]).Message);

    [Fact]
    public void MissingRedirectUriIsNamed() =>
        Assert.Equal("redirect_uri is missing: send the exact callback URL registered for the app.",
            CallbackUrlRules.MatchRedirectUri(null, ["https://a.example/cb"]).Message);
}
