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
        var links = report.Diagnoses.ToDictionary(d => d.Topic, d => d.Url);
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
}
