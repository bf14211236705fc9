using Bunit;
using Withings.Portal.Components.Pages.Troubleshooting.Topics;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Troubleshooting.Cases;

namespace Withings.Portal.Tests.Components.Pages.Troubleshooting.Topics;

public class SaveCaseLinkTests : PortalBunitContext
{
    [Fact]
    public void StepPageLinkCarriesTopicStepAndPathToTheCaseForm()
    {
        var link = Render<SaveCaseLink>(p => p
            .Add(l => l.TopicId, "invalid-code")
            .Add(l => l.StepId, "fix-expired")
            .Add(l => l.Path, ["start", "code-age", "fix-expired"]));

        Assert.Equal("/cases/new?topic=invalid-code&step=fix-expired&path=start,code-age,fix-expired", link.Find("a").GetAttribute("href"));
        Assert.Equal("Save as a case", link.Find("a").TextContent.Trim());
    }

    [Fact]
    public void LinkWithoutAPathNamesTheStepOnlyAndEscapesValues()
    {
        Assert.Equal("/cases/new?topic=a%26b&step=c%20d", CaseRoutes.NewFromStep("a&b", "c d"));
    }
}
