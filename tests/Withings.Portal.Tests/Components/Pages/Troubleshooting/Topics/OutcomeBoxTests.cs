using Bunit;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Troubleshooting.Steps;
using Withings.Portal.Tests.Troubleshooting;
using Withings.Portal.Components.Pages.Troubleshooting.Topics;

namespace Withings.Portal.Tests.Components.Pages.Troubleshooting.Topics;

public class OutcomeBoxTests : PortalBunitContext
{
    private static StepPosition FixExpired => StepTrail.Locate(TopicFiles.Catalog.Get("invalid-code"), "fix-expired",
        new Dictionary<string, string> { ["path"] = "start,code-age" })!;

    [Fact]
    public void WithoutAnAnswerItAsksWithTwoButtonsPostingToTheStepsOutcome()
    {
        var box = Render<OutcomeBox>(p => p.Add(b => b.Position, FixExpired));

        var form = box.Find("form");
        Assert.Equal("/troubleshoot/invalid-code/fix-expired/outcome", form.GetAttribute("action"));
        Assert.Equal("start,code-age", box.Find("input[name=path]").GetAttribute("value"));
        Assert.Equal(["fixed", "broken"], box.FindAll("button[name=outcome]").Select(b => b.GetAttribute("value")));
    }

    [Fact]
    public void FixedShowsTheThanksAndNoForm()
    {
        var box = Render<OutcomeBox>(p => p.Add(b => b.Position, FixExpired).Add(b => b.Outcome, "fixed"));

        Assert.NotNull(box.Find("[data-testid=outcome-thanks]"));
        Assert.Empty(box.FindAll("form"));
    }

    [Fact]
    public void StillBrokenLinksTheOtherFixesButNotThisOne()
    {
        var box = Render<OutcomeBox>(p => p.Add(b => b.Position, FixExpired).Add(b => b.Outcome, "broken"));

        var links = box.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/troubleshoot/invalid-code/fix-single-use", links);
        Assert.Contains("/troubleshoot/invalid-code/fix-exact-value", links);
        Assert.DoesNotContain("/troubleshoot/invalid-code/fix-expired", links);
        Assert.Contains("/troubleshoot", links);
        Assert.Contains("/cases/new?topic=invalid-code&step=fix-expired&path=start,code-age,fix-expired", links);
    }
}
