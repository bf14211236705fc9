using Bunit;
using Withings.Portal.Components.Pages.Troubleshooting.Paste;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Tests.Troubleshooting;
using Withings.Portal.Troubleshooting.Diagnosis;

namespace Withings.Portal.Tests.Components.Pages.Troubleshooting.Paste;

public class DiagnosisResultsTests : PortalBunitContext
{
    private static readonly DiagnosisEngine Engine = new(TopicFiles.Catalog);

    private IRenderedComponent<DiagnosisResults> Render(string text)
    {
        var report = Engine.Diagnose(text);
        var links = report.Diagnoses.Concat(report.NearestIfWithings).ToDictionary(d => d.Topic, d => d.Url);
        return Render<DiagnosisResults>(p => p.Add(r => r.Report, report).Add(r => r.Links, links));
    }

    [Fact]
    public void EachDiagnosisListsWhereOthersHitTheSameProblemAndWhatFixedIt()
    {
        var topic = TopicFiles.Catalog.Get("redirect-uri-mismatch");
        var thread = topic.Meta.SeenElsewhere[0];

        var results = Render("""{"errors":[{"message":"redirect_uri_mismatch: The redirect URI provided is missing or does not match partner callback url"}]}""");

        var item = results.Find("[data-topic=redirect-uri-mismatch]");
        var link = item.QuerySelector($"[data-testid=seen-elsewhere] a[href='{thread.Url}']");
        Assert.NotNull(link);
        Assert.Equal(thread.Title, link!.TextContent.Trim());
        Assert.Contains(thread.FixedBy, item.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"status\":503,\"body\":{},\"error\":\"Invalid Params: invalid code\"}", "One likely cause")]
    [InlineData("{\"status\":0,\"body\":{\"measuregrps\":[{\"grpid\":1,\"measures\":[{\"value\":72000,\"type\":1,\"unit\":-3}]}]}}", "One possible cause, on little evidence")]
    public void ASingleCauseIsCalledLikelyOnlyWhenItsEvidenceIsStrong(string text, string heading)
    {
        var results = Render(text);

        Assert.Single(results.FindAll(".portal-diagnosis-item"));
        Assert.Equal(heading, results.Find("[data-testid=diagnosis] h3").TextContent.Trim());
    }

    [Fact]
    public void SearchSuggestionsAreMarkedAsWeaker()
    {
        var results = Render("withings: which scope do I need for heart rate data from the watch?");

        Assert.NotNull(results.Find("[data-testid=suggestions]"));
        var items = results.FindAll(".portal-diagnosis-item");
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("true", i.GetAttribute("data-from-search")));
        Assert.All(items, i => Assert.Contains("weaker suggestion", i.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void ATextNamingNoApiGetsItsClosestTopicsAsWeakerSuggestionsNotADiagnosis()
    {
        var results = Render("Our webhook never receives any notification after the user weighs in.");

        Assert.Empty(results.FindAll("[data-testid=no-diagnosis]"));
        Assert.Equal("Not a diagnosis: the closest topics to what you describe", results.Find("[data-testid=nearest-if-withings]").TextContent);
        var items = results.FindAll(".portal-diagnosis-item");
        Assert.Equal("notification-callback", items[0].GetAttribute("data-topic"));
        Assert.All(items, i => Assert.Equal("true", i.GetAttribute("data-from-search")));
        Assert.NotNull(items[0].QuerySelector("a[href='/troubleshoot/notification-callback']"));
    }

    [Fact]
    public void ATextAboutAnotherServiceShowsNoClosestTopics()
    {
        var results = Render("Strava API returned 401 Authorization Error: invalid access token");

        Assert.NotNull(results.Find("[data-testid=no-diagnosis]"));
        Assert.Empty(results.FindAll("[data-testid=nearest-if-withings]"));
        Assert.Empty(results.FindAll(".portal-diagnosis-item"));
    }

    [Fact]
    public void NoDiagnosisOffersASearchForTheTextsLastLine()
    {
        var report = Engine.Diagnose("hello, how are you today");

        var results = Render<DiagnosisResults>(p => p.Add(r => r.Report, report).Add(r => r.Links, new Dictionary<string, string>())
            .Add(r => r.SearchQuery, "No such callback <access_token>"));

        Assert.Equal("/search?q=No%20such%20callback%20%3Caccess_token%3E", results.Find("[data-testid=search-last-line]").GetAttribute("href"));
    }
}
