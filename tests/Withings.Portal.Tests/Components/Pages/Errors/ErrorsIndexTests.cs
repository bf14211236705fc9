using AngleSharp.Html.Parser;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Components.Pages.Errors;

public class ErrorsIndexTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task TheCodesThePortalExplainsSaySoInTheirNameNotOnlyInBold()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/errors", TestContext.Current.CancellationToken);
        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll(".portal-code-list a");

        var explained = links.Where(a => a.ClassList.Contains("portal-code-explained")).ToList();
        Assert.NotEmpty(explained);
        Assert.All(explained, a => Assert.EndsWith(", explained", a.TextContent.Trim(), StringComparison.Ordinal));
        Assert.All(links.Except(explained), a => Assert.Matches(@"^\d+$", a.TextContent.Trim()));
    }
}
