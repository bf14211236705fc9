using Bunit;
using Withings.Portal.Components.Pages.Playground;
using Withings.Portal.Playground;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Components.Pages.Playground;

public class ReadingViewTests : PortalBunitContext
{
    [Fact]
    public void TheChartIsHiddenFromScreenReadersWhichReadTheListOfTheSameReadings()
    {
        var chart = new ChartSeriesData("Weight over time", false, ["04-04", "05-02"], [("Weight", [74.1, 73.9])], "kg");
        var reading = new Reading(["2026-04-04: Weight 74.1 kg", "2026-05-02: Weight 73.9 kg"], 2, null, chart);

        var view = Render<ReadingView>(p => p.Add(r => r.Reading, reading));

        var figure = view.Find("figure.portal-chart");
        Assert.Equal("Weight over time: a chart of the readings listed below", figure.GetAttribute("aria-label"));
        Assert.NotEmpty(figure.QuerySelectorAll("svg"));
        Assert.All(figure.QuerySelectorAll("svg"), svg => Assert.NotNull(svg.Closest("[aria-hidden=true]")));
        Assert.Null(figure.Closest("[aria-hidden=true]"));
        Assert.Equal(2, view.FindAll("[data-testid=reading] li").Count);
    }
}
