using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Troubleshooting.Diagnosis;

namespace Withings.Portal.Tests.Troubleshooting.Diagnosis;

/// <summary>The first visitor's paste finds the engine built: it is warmed once the portal's first answer has gone out.</summary>
public class DiagnosisWarmUpTests
{
    [Fact]
    public async Task TheEngineIsWarmedOnceThePortalHasAnsweredItsFirstRequest()
    {
        await using var portal = new PortalFactory();
        var client = portal.CreateClient();
        var warmUp = portal.Services.GetRequiredService<DiagnosisWarmUp>();

        await client.GetAsync("/faq", TestContext.Current.CancellationToken);

        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        while (!warmUp.HasRun)
        {
            await Task.Delay(20, patience.Token);
        }
    }

    [Fact]
    public void TheWarmUpPasteGoesThroughTheReadersOfARealDiagnosis()
    {
        var report = new DiagnosisEngine(TopicFiles.Catalog).Diagnose(DiagnosisWarmUp.Paste);

        Assert.Equal(DiagnosisOutcome.Diagnosed, report.Outcome);
        Assert.Equal("invalid-refresh-token", report.Diagnoses[0].Topic);
    }
}
