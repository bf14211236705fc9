using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Withings.Portal.Components.Pages.Troubleshooting.Paste;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Tests.Troubleshooting;
using Withings.Portal.Tests.Troubleshooting.Cases;
using Withings.Portal.Troubleshooting;
using Withings.Portal.Troubleshooting.Cases;
using Withings.Portal.Troubleshooting.Diagnosis;
using Withings.Portal.Troubleshooting.Paste;
using Microsoft.EntityFrameworkCore;
using Withings.Portal.Troubleshooting.Topics;

namespace Withings.Portal.Tests.Components.Pages.Troubleshooting.Paste;

public class PasteBoxTests : PortalBunitContext, IAsyncLifetime
{
    private const string AccessToken = "a7e1c9d04b2f6e8a1c3d5f7b9e0a2c4d6f8b0e1a";

    private const string TokenExchangeLog = """
        2023-11-02 07:41:03,530 urllib3.connectionpool DEBUG    https://wbsapi.withings.net:443 "POST /v2/oauth2 HTTP/1.1" 200 63
        2023-11-02 07:41:03,531 withings         ERROR      503 - Invalid Params: invalid code
        """;

    private CaseDatabase database = null!;

    public async ValueTask InitializeAsync()
    {
        database = await CaseDatabase.CreateAsync(new CaseOptions { PermitLimit = 2 });
        Services.AddSingleton(new TopicLibrary(TopicFiles.Catalog));
        Services.AddSingleton(new DiagnosisEngine(TopicFiles.Catalog));
        Services.AddSingleton(database.Service);
        Services.AddSingleton(new CaseCreationLimiter(database.WrappedOptions));
        Services.AddSingleton(new UnmatchedPasteLog(database.Factory, database.Clock, NullLogger<UnmatchedPasteLog>.Instance));
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddScoped<ProtectedSessionStorage>();
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public void WithingsErrorGetsRankedDiagnosesWithEvidenceAndAPrefilledTopicLink()
    {
        var box = Render<PasteBox>();

        Paste(box, TokenExchangeLog);
        Click(box, "Diagnose");

        var first = box.FindAll(".portal-diagnosis-item")[0];
        Assert.Equal("invalid-code", first.GetAttribute("data-topic"));
        Assert.Equal("/troubleshoot/invalid-code?status=503&endpoint=token", first.QuerySelector("a")!.GetAttribute("href"));
        Assert.Matches(@"score 0\.\d\d", first.QuerySelector(".portal-score")!.TextContent);
        Assert.Contains(first.QuerySelectorAll(".portal-evidence li"), li => li.TextContent.Contains("Invalid Params: invalid code", StringComparison.Ordinal));
        Assert.NotNull(FindButton(box, "Save as a case"));
    }

    [Fact]
    public void TextAboutAnotherApiSaysNoDiagnosisAndWhatToTryNext()
    {
        var box = Render<PasteBox>();

        Paste(box, "garth.exc.GarthHTTPError: Error in request: 401 Client Error: Unauthorized for url: https://sso.garmin.com/sso/signin");
        Click(box, "Diagnose");

        Assert.Equal("No diagnosis", box.Find("[data-testid=no-diagnosis]").TextContent.Trim());
        Assert.Empty(box.FindAll(".portal-diagnosis-item"));
        var next = box.FindAll(".portal-next-steps a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/search", next);
        Assert.Contains("/faq", next);
        Assert.Null(FindButton(box, "Save as a case"));
    }

    [Fact]
    public async Task DiagnosisThatFindsNothingIsCountedWithoutItsText()
    {
        var box = Render<PasteBox>();

        Paste(box, "garth.exc.GarthHTTPError: Error in request: 401 Client Error: Unauthorized for url: https://sso.garmin.com/sso/signin");
        Click(box, "Diagnose");

        var stored = await WaitForUnmatchedAsync();
        Assert.Equal(UnmatchedPaste.FromPasteBox, stored.Source);
        Assert.Equal(database.Clock.GetUtcNow(), stored.At);
        Assert.InRange(stored.RedactedLength, 1, 200);
    }

    private async Task<UnmatchedPaste> WaitForUnmatchedAsync()
    {
        // The box records in the background so the reader never waits on the database.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await using var db = await database.Factory.CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
            if (await db.Set<UnmatchedPaste>().AsNoTracking().ToListAsync(Xunit.TestContext.Current.CancellationToken) is [var row])
            {
                return row;
            }
            await Task.Delay(50, Xunit.TestContext.Current.CancellationToken);
        }
        throw new TimeoutException("No unmatched diagnosis was recorded.");
    }

    [Fact]
    public void OversizedTextGetsAClearMessageAndStaysInTheBox()
    {
        var box = Render<PasteBox>();
        var text = "withings status 503 " + new string('x', 1024 * 1024);

        Paste(box, text);
        Click(box, "Diagnose");

        Assert.Contains("larger than 1024 KB", box.Find("[data-testid=too-large]").TextContent);
        Assert.Equal(text, box.Find("textarea").GetAttribute("value"));
        // The browser must let such a paste in whole (MudBlazor's default maxlength would cut it at 512 Ki).
        Assert.True(int.Parse(box.Find("textarea").GetAttribute("maxlength")!) > text.Length);
    }

    [Fact]
    public void PastedMarkupIsShownAsTextOnly()
    {
        var box = Render<PasteBox>();

        Paste(box, "<img src=x onerror=alert(1)> wbsapi.withings.net said {\"status\":601,\"error\":\"<b>Too many requests</b>\"}");
        Click(box, "Diagnose");

        Assert.Empty(box.FindAll("img"));
        Assert.Empty(box.FindAll(".portal-diagnosis b"));
    }

    [Fact]
    public async Task SavingStoresARedactedCaseAndShowsItsLink()
    {
        var box = Render<PasteBox>();
        Paste(box, $"curl -H \"Authorization: Bearer {AccessToken}\" https://wbsapi.withings.net/v2/measure\n{{\"status\":401,\"body\":{{}},\"error\":\"invalid_token\"}}");
        Click(box, "Diagnose");

        Click(box, "Save as a case");

        var link = box.Find("[data-testid=case-link]").GetAttribute("href")!;
        var row = Assert.Single(await database.RowsAsync());
        Assert.Equal($"/cases/{row.Id}", link);
        Assert.DoesNotContain(AccessToken, row.Text);
        Assert.Contains("Bearer <access_token>", row.Text);
        Assert.Equal("invalid-access-token", row.Diagnoses[0].Topic);
        Assert.Contains("1 secret was replaced by placeholders: <access_token>", box.Find("[data-testid=case-saved]").TextContent);
    }

    [Fact]
    public async Task SavingBeyondTheLimitIsRefusedPoliteAndKeepsTheText()
    {
        var box = Render<PasteBox>(p => p.Add(b => b.ClientAddress, "203.0.113.7"));
        Paste(box, TokenExchangeLog);
        Click(box, "Diagnose");

        Click(box, "Save as a case");
        Click(box, "Save as a case");
        Click(box, "Save as a case");

        Assert.Equal(2, (await database.RowsAsync()).Count);
        Assert.Contains("Wait a few minutes", box.Find("[role=alert]").TextContent);
        Assert.Equal(TokenExchangeLog, box.Find("textarea").GetAttribute("value"));
    }

    [Fact]
    public void PrerenderedBoxSaysItIsNotInteractiveAndCannotBeClickedYet()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var box = Render<PasteBox>();

        Assert.Equal("false", box.Find("section.portal-paste").GetAttribute("data-interactive"));
        Assert.True(FindButton(box, "Diagnose")!.HasAttribute("disabled"));
    }

    [Fact]
    public void CaseFormRestoresThisTabsLastPasteRedactedWithTheStepsWalked()
    {
        var home = Render<PasteBox>();
        Paste(home, $"{TokenExchangeLog}\naccess_token={AccessToken}");
        Click(home, "Diagnose");
        var writes = JSInterop.Invocations["sessionStorage.setItem"];
        var stored = writes[^1].Arguments[1];
        JSInterop.Setup<string>("sessionStorage.getItem", PasteBox.DraftKey).SetResult((string)stored!);

        var form = Render<PasteBox>(p => p
            .Add(b => b.RestoreDraft, true)
            .Add(b => b.TopicId, "invalid-code")
            .Add(b => b.StepId, "fix-expired")
            .Add(b => b.StepPath, "start,code-age,fix-expired"));

        form.WaitForElement("[data-testid=draft-restored]");
        var restored = form.Find("textarea").GetAttribute("value")!;
        Assert.DoesNotContain(AccessToken, restored);
        Assert.Contains("access_token=<access_token>", restored);
        Assert.Equal("invalid-code", form.FindAll(".portal-diagnosis-item")[0].GetAttribute("data-topic"));
        Assert.Equal(["/troubleshoot/invalid-code/start", "/troubleshoot/invalid-code/code-age", "/troubleshoot/invalid-code/fix-expired"],
            form.FindAll("[data-testid=step-trail] a").Select(a => a.GetAttribute("href")));
        Click(form, "Save as a case");
        Assert.Contains("already been replaced by placeholders: <access_token>", form.Find("[data-testid=case-saved]").TextContent);
    }

    [Fact]
    public void PasteTooLongToKeepClearsTheTabsEarlierDraft()
    {
        var box = Render<PasteBox>();

        Paste(box, TokenExchangeLog + new string('.', 70 * 1024));
        Click(box, "Diagnose");

        Assert.Empty(JSInterop.Invocations["sessionStorage.setItem"]);
        Assert.Equal(PasteBox.DraftKey, Assert.Single(JSInterop.Invocations["sessionStorage.removeItem"]).Arguments[0]);
    }

    private static void Paste(IRenderedComponent<PasteBox> box, string text) => box.Find("textarea").Change(text);

    private static void Click(IRenderedComponent<PasteBox> box, string label) => FindButton(box, label)!.Click();

    private static IElement? FindButton(IRenderedComponent<PasteBox> box, string label) =>
        box.FindAll("button").FirstOrDefault(b => b.TextContent.Trim() == label);
}
