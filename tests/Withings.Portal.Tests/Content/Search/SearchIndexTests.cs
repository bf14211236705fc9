using Withings.Portal.Content.Search;

namespace Withings.Portal.Tests.Content.Search;

public class SearchIndexTests
{
    private static readonly SearchIndex Index = SearchIndex.Build(
    [
        Doc("/glossary/refresh-token", "Refresh token", "The long-lived token you exchange for a new access token. It rotates."),
        Doc("/glossary/access-token", "Access token", "Sent as Authorization: Bearer. Lives three hours."),
        Doc("/faq/redirect-uri-mismatch", "Why do I get redirect_uri_mismatch?", "The redirect URI must match the partner callback url."),
        Doc("/faq/demo-user", "Do you have a demo user?", "Add mode=demo to the authorize2 URL."),
        Doc("/faq/invalid-code", "Invalid Params: invalid code", "The authorization code expired after 30 seconds."),
    ]);

    [Fact]
    public void MisspeltWordsStillFindTheRightPage()
    {
        var results = Index.Search("refesh tokn");

        Assert.Equal("/glossary/refresh-token", results.Hits[0].Document.Route);
        Assert.Contains(("refesh", "refresh"), results.CorrectedTerms);
    }

    [Fact]
    public void PrefixOfTheLastWordMatches()
    {
        Assert.Equal("/faq/redirect-uri-mismatch", Index.Search("redir").Hits[0].Document.Route);
    }

    [Fact]
    public void ErrorStringsWithUnderscoresAreFound()
    {
        Assert.Equal("/faq/redirect-uri-mismatch", Index.Search("redirect_uri_mismatch").Hits[0].Document.Route);
    }

    [Fact]
    public void APastedHostFindsThePageAboutItThoughItsLastWordStartsRarerWords()
    {
        // "com" is on every page that names account.withings.com; a long page holding "comma", "command",
        // "comment"… must not outrank the one page about wbsapi.withings.com because the last word is completed.
        var index = SearchIndex.Build(
        [
            Doc("/faq/wrong-host", "The https://wbsapi.withings.com endpoint is not working",
                "The API host is wbsapi.withings.net, not wbsapi.withings.com. Only account.withings.com ends in .com."),
            Doc("/guides/long", "Calling the API",
                "Call wbsapi.withings.net. Scopes are separated by a comma; a command, a comment, a common mistake, " +
                "compare, complete, compute, compose, combine, commit, company, component, compress. " +
                "Withings accounts sign in on account.withings.com."),
            Doc("/faq/demo", "Demo user", "Open account.withings.com with mode=demo."),
            Doc("/faq/logout", "Log out", "Send the user to account.withings.com/logout first."),
            Doc("/glossary/consent", "Consent page", "The consent page is on account.withings.com."),
        ]);

        Assert.Equal("/faq/wrong-host", index.Search("wbsapi.withings.com").Hits[0].Document.Route);
        Assert.Equal("/faq/wrong-host", index.Search("wbsapi withings com").Hits[0].Document.Route);
    }

    [Fact]
    public void ShortWordsAreNotReadAsTypos()
    {
        var results = Index.Search("mode");

        Assert.Equal("/faq/demo-user", Assert.Single(results.Hits).Document.Route);
        Assert.Empty(results.CorrectedTerms);
    }

    [Fact]
    public void MatchedWordsAreMarkedInTitleAndSnippet()
    {
        var hit = Index.Search("expired code").Hits[0];

        Assert.Contains(new TextRun("code", true), hit.Title);
        Assert.Contains(new TextRun("expired", true), hit.Snippet);
        Assert.Equal("Invalid Params: invalid code", string.Concat(hit.Title.Select(r => r.Text)));
    }

    [Fact]
    public void PagesWithEveryWordRankAbovePagesWithOne()
    {
        var results = Index.Search("access token bearer");

        Assert.Equal("/glossary/access-token", results.Hits[0].Document.Route);
    }

    [Fact]
    public void NonsenseFindsNothing()
    {
        Assert.Empty(Index.Search("xylophone quasar").Hits);
    }

    [Fact]
    public void EmptyOrPunctuationOnlyQueryFindsNothing()
    {
        Assert.Empty(Index.Search("").Hits);
        Assert.Empty(Index.Search("?!").Hits);
    }

    [Theory]
    [InlineData("refresh", "refesh", 1)]
    [InlineData("token", "tokn", 1)]
    [InlineData("redirect", "redircet", 1)]
    [InlineData("callback", "calback", 1)]
    [InlineData("signature", "signatrue", 1)]
    [InlineData("deactivated", "deactivted", 1)]
    public void EditDistanceCountsInsertsDeletesAndSwaps(string word, string typo, int distance)
    {
        Assert.Equal(distance, EditDistance.Of(typo, word, 2));
    }

    private static SearchDocument Doc(string route, string title, string body) => new(route, title, "Test", body, body, [], []);
}
