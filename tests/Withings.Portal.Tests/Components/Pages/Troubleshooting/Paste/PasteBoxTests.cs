using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Data;
using Withings.Portal.Components.Pages.Troubleshooting.Paste;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Troubleshooting.Cases;
using Withings.Portal.Troubleshooting.Paste;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Components.Pages.Troubleshooting.Paste;

/// <summary>The paste box is a plain form post: these tests post it as a browser without JavaScript would.</summary>
public sealed class PasteBoxTests : IAsyncLifetime
{
    private const string AccessToken = "a7e1c9d04b2f6e8a1c3d5f7b9e0a2c4d6f8b0e1a";

    private const string TokenExchangeLog = """
        2023-11-02 07:41:03,530 urllib3.connectionpool DEBUG    https://wbsapi.withings.net:443 "POST /v2/oauth2 HTTP/1.1" 200 63
        2023-11-02 07:41:03,531 withings         ERROR      503 - Invalid Params: invalid code
        """;

    private readonly PortalFactory portal = new()
    {
        Settings = { ["Cases:PermitLimit"] = "2", ["Troubleshooting:PasteBox:PermitLimit"] = "3" },
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await portal.DisposeAsync();
        portal.DeleteData();
    }

    [Fact]
    public async Task WithingsErrorGetsRankedDiagnosesWithEvidenceAndAPrefilledTopicLink()
    {
        var page = await PostAsync("/", TokenExchangeLog);

        var first = page.QuerySelectorAll(".portal-diagnosis-item")[0];
        Assert.Equal("invalid-code", first.GetAttribute("data-topic"));
        Assert.Equal("/troubleshoot/invalid-code?status=503&endpoint=token", first.QuerySelector("a")!.GetAttribute("href"));
        Assert.Matches(@"score 0\.\d\d", first.QuerySelector(".portal-score")!.TextContent);
        Assert.Contains(first.QuerySelectorAll(".portal-evidence li"), li => li.TextContent.Contains("Invalid Params: invalid code", StringComparison.Ordinal));
        Assert.NotNull(FindButton(page, "Save as a case"));
        Assert.Equal(TokenExchangeLog, Box(page).TextContent);
    }

    [Fact]
    public async Task TheResultIsAnnouncedInOneShortSentenceByAStatusThatIsOnThePageBeforeAnyPaste()
    {
        var empty = await ParseAsync(await portal.CreateClient().GetAsync("/troubleshoot", Cancel));
        var page = await PostAsync("/troubleshoot", "{\"status\":503,\"body\":{},\"error\":\"Invalid Params: invalid code\"}");

        Assert.Equal("", Status(empty).TextContent);
        Assert.Equal("One likely cause: Invalid Params: invalid code.", Status(page).TextContent);
        // The result itself is no live region: it would be read whole, scores and threads included, on each post.
        Assert.Empty(page.QuerySelectorAll("[data-testid=diagnosis][aria-live], [data-testid=diagnosis][role=status], [data-testid=diagnosis] [aria-live]"));
    }

    [Theory]
    [InlineData("garth.exc.GarthHTTPError: Error in request: 401 Client Error: Unauthorized for url: https://sso.garmin.com/sso/signin",
        "^This text is about .+, not the Withings API, so there is no diagnosis\\.$")]
    [InlineData("", "^Paste an error message, a log excerpt, a request or a description\\.$")]
    public async Task AnswerWithoutADiagnosisIsAnnouncedByItsFirstSentence(string text, string sentence)
    {
        var page = await PostAsync("/troubleshoot", text);

        Assert.Matches(sentence, Status(page).TextContent);
    }

    [Fact]
    public async Task AnEmptyPasteMarksTheBoxInvalidAndPointsItAtTheMessageOnlyThen()
    {
        var empty = await PostAsync("/troubleshoot", "");
        var diagnosed = await PostAsync("/troubleshoot", "{\"status\":503,\"body\":{},\"error\":\"Invalid Params: invalid code\"}");

        var box = empty.QuerySelector("#paste-text")!;
        Assert.Equal("true", box.GetAttribute("aria-invalid"));
        Assert.Equal("diagnosis-status", box.GetAttribute("aria-describedby"));
        Assert.Null(diagnosed.QuerySelector("#paste-text")!.GetAttribute("aria-invalid"));
        Assert.Null(diagnosed.QuerySelector("#paste-text")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task TextAboutAnotherApiSaysNoDiagnosisAndWhatToTryNext()
    {
        var page = await PostAsync("/troubleshoot", "garth.exc.GarthHTTPError: Error in request: 401 Client Error: Unauthorized for url: https://sso.garmin.com/sso/signin");

        Assert.Equal("No diagnosis", page.QuerySelector("[data-testid=no-diagnosis]")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll(".portal-diagnosis-item"));
        var next = page.QuerySelectorAll(".portal-next-steps a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/search?q=garth.exc.GarthHTTPError%3A%20Error%20in%20request%3A%20401%20Client%20Error%3A%20Unauthorized%20for", next);
        Assert.Contains("/faq", next);
        Assert.Null(FindButton(page, "Save as a case"));
    }

    [Fact]
    public async Task TheSearchOfferedAfterNoDiagnosisCarriesTheLastLineWithItsSecretsReplaced()
    {
        var page = await PostAsync("/troubleshoot", $"Strava sync started\nStrava refused access_token={AccessToken} again");

        var search = page.QuerySelector("[data-testid=search-last-line]")!.GetAttribute("href")!;
        Assert.Equal("/search?q=Strava%20refused%20access_token%3D%3Caccess_token%3E%20again", search);
        Assert.DoesNotContain(AccessToken, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiagnosisThatFindsNothingIsCountedWithoutItsText()
    {
        await PostAsync("/troubleshoot", "garth.exc.GarthHTTPError: Error in request: 401 Client Error: Unauthorized for url: https://sso.garmin.com/sso/signin");

        var stored = await WaitForUnmatchedAsync();
        Assert.Equal(UnmatchedPaste.FromPasteBox, stored.Source);
        Assert.InRange(stored.RedactedLength, 1, 200);
    }

    [Fact]
    public async Task SecretsComeBackReplacedByPlaceholdersAndTheTabIsToldToKeepThatDraft()
    {
        var page = await PostAsync("/", $"{TokenExchangeLog}\naccess_token={AccessToken}");

        Assert.DoesNotContain(AccessToken, page.DocumentElement.OuterHtml);
        Assert.Contains("access_token=<access_token>", Box(page).TextContent);
        Assert.Contains("1 secret replaced by placeholders (<access_token>)", page.QuerySelector("[data-testid=echo-redacted]")!.TextContent);
        Assert.Equal("keep", FormOf(page).GetAttribute("data-paste-draft"));
    }

    [Fact]
    public async Task OversizedTextGetsAClearMessageAndStaysInTheBox()
    {
        var text = "withings status 503 " + new string('x', 1024 * 1024);

        var page = await PostAsync("/", text);

        Assert.Contains("larger than 1024 KB", page.QuerySelector("[data-testid=too-large]")!.TextContent);
        Assert.Equal(text, Box(page).TextContent);
        Assert.Equal("clear", FormOf(page).GetAttribute("data-paste-draft"));
        // The browser must let such a paste in whole.
        Assert.True(int.Parse(Box(page).GetAttribute("maxlength")!) > text.Length);
    }

    [Fact]
    public async Task FormTooLargeToReadSendsTheVisitorBackToTheBoxWithItsOwnMessage()
    {
        var client = portal.CreateBrowserLikeClient();
        var body = new StringContent($"_handler={PasteBox.FormName}&{PasteBox.TextField}=" + string.Concat(Enumerable.Repeat("%C3%A9", PasteLimits.MaxFormValueBytes / 5)),
            System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");

        var response = await client.PostAsync("/troubleshoot", body, Cancel);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var page = await ParseAsync(await client.GetAsync(response.Headers.Location, Cancel));
        Assert.Contains("too large to send", page.QuerySelector("[data-testid=too-large-to-send]")!.TextContent);
    }

    [Fact]
    public async Task PastedMarkupIsShownAsTextOnly()
    {
        var page = await PostAsync("/", "<img src=x onerror=alert(1)> wbsapi.withings.net said {\"status\":601,\"error\":\"<b>Too many requests</b>\"}");

        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Empty(page.QuerySelectorAll(".portal-diagnosis b"));
        Assert.StartsWith("<img src=x", Box(page).TextContent);
    }

    [Fact]
    public async Task SavingStoresARedactedCaseAndShowsItsLink()
    {
        var page = await PostAsync("/", $"curl -H \"Authorization: Bearer {AccessToken}\" https://wbsapi.withings.net/v2/measure\n{{\"status\":401,\"body\":{{}},\"error\":\"invalid_token\"}}",
            PasteBox.SaveAction);

        var link = page.QuerySelector("[data-testid=case-link]")!.GetAttribute("href")!;
        var saved = await portal.Services.GetRequiredService<CaseService>().FindAsync(link.Split('/')[^1], Cancel);
        Assert.Equal(CaseState.Found, saved.State);
        Assert.DoesNotContain(AccessToken, saved.Case!.Text);
        Assert.Contains("Bearer <access_token>", saved.Case.Text);
        Assert.Equal("invalid-access-token", saved.Case.Diagnoses[0].Topic);
        Assert.Contains("1 secret was replaced by placeholders: <access_token>", page.QuerySelector("[data-testid=case-saved]")!.TextContent);
        Assert.DoesNotContain(AccessToken, page.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task SavingOnlyTheStepsSaysSoAndNeitherAsksForTextNorDiagnosesNone()
    {
        var page = await PostAsync(CaseRoutes.NewFromStep("invalid-code", "fix-expired", ["start", "code-age", "fix-expired"]), "", PasteBox.SaveAction);

        var notice = page.QuerySelector("[data-testid=case-saved]")!.TextContent;
        Assert.Contains("It holds the steps you went through; no text was pasted.", notice);
        Assert.DoesNotContain("No token, code, secret or password was found", notice);
        Assert.DoesNotContain("Paste an error message", page.QuerySelector(".portal-paste")!.TextContent);
        var link = page.QuerySelector("[data-testid=case-link]")!.GetAttribute("href")!;
        var casePage = await portal.CreateClient().GetStringAsync(link, Cancel);
        Assert.Contains("No text was saved with this case, only the steps.", casePage);
        Assert.DoesNotContain("found no known problem", casePage);
        Assert.Contains("href=\"/troubleshoot/invalid-code/code-age\"", casePage);
    }

    [Fact]
    public async Task SavingBeyondTheLimitIsRefusedPolitelyAndKeepsTheText()
    {
        await PostAsync("/", TokenExchangeLog, PasteBox.SaveAction);
        await PostAsync("/", TokenExchangeLog, PasteBox.SaveAction);

        var third = await PostAsync("/", TokenExchangeLog, PasteBox.SaveAction);

        Assert.Null(third.QuerySelector("[data-testid=case-saved]"));
        Assert.Contains("Wait a few minutes", third.QuerySelector(".portal-paste [role=alert]")!.TextContent);
        Assert.Equal(TokenExchangeLog, Box(third).TextContent);
    }

    [Fact]
    public async Task DiagnosingBeyondTheLimitIsRefusedWithAMessageAndKeepsTheTextWhileSavingStillWorks()
    {
        for (var i = 0; i < 3; i++)
        {
            await PostAsync("/troubleshoot", TokenExchangeLog);
        }

        var refused = await portal.CreateClient().PostAsync("/troubleshoot", PasteForm(TokenExchangeLog, PasteBox.DiagnoseAction), Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = await ParseAsync(refused);
        Assert.Contains("more than 3 diagnoses", page.QuerySelector("[data-testid=too-many-diagnoses]")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".portal-diagnosis-item"));
        Assert.Equal(TokenExchangeLog, Box(page).TextContent);
        var saved = await PostAsync("/troubleshoot", TokenExchangeLog, PasteBox.SaveAction);
        Assert.NotNull(saved.QuerySelector("[data-testid=case-saved]"));
    }

    [Fact]
    public async Task CrossSitePostIsRefusedAndSavesNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = PasteForm(TokenExchangeLog, PasteBox.SaveAction) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        var response = await portal.CreateClient().SendAsync(request, Cancel);

        var page = await ParseAsync(response);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("can only be posted from the portal", page.QuerySelector(".portal-paste [role=alert]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=case-saved]"));
        Assert.Null(page.QuerySelector("[data-testid=diagnosis]"));
    }

    [Fact]
    public async Task CaseFormAsksTheTabForItsDraftAndSaysWhenItBroughtOneBack()
    {
        const string route = "/cases/new?topic=invalid-code&step=fix-expired&path=start,code-age,fix-expired";
        var empty = await ParseAsync(await portal.CreateClient().GetAsync(route, Cancel));
        Assert.Equal("restore", FormOf(empty).GetAttribute("data-paste-draft"));
        Assert.NotNull(FindButton(empty, "Save as a case"));

        var restored = await PostAsync(route, "access_token=<access_token>\n" + TokenExchangeLog, restored: true);

        Assert.NotNull(restored.QuerySelector("[data-testid=draft-restored]"));
        Assert.Equal("invalid-code", restored.QuerySelectorAll(".portal-diagnosis-item")[0].GetAttribute("data-topic"));
        Assert.Equal(["/troubleshoot/invalid-code/start", "/troubleshoot/invalid-code/code-age", "/troubleshoot/invalid-code/fix-expired"],
            restored.QuerySelectorAll("[data-testid=step-trail] a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/troubleshoot")]
    [InlineData("/cases/new")]
    public async Task PagesWithThePasteBoxOpenNoCircuit(string route)
    {
        var html = await portal.CreateClient().GetStringAsync(route, Cancel);

        Assert.DoesNotContain("Blazor:{\"type\":\"server\"", html);
        Assert.DoesNotContain("components-reconnect", html);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/troubleshoot")]
    public async Task PagesWithThePasteBoxAreSharedWithEveryoneUntilSomeonePosts(string route)
    {
        var get = await portal.CreateClient().GetAsync(route, Cancel);
        var post = await portal.CreateClient().PostAsync(route, PasteForm(TokenExchangeLog, PasteBox.DiagnoseAction), Cancel);

        Assert.Contains("public", get.Headers.CacheControl!.ToString());
        Assert.NotNull(get.Headers.ETag);
        Assert.Contains("no-store", post.Headers.CacheControl!.ToString());
    }

    private async Task<UnmatchedPaste> WaitForUnmatchedAsync()
    {
        // The box records in the background, so the answer may come first; a CI machine running every test project at
        // once can take seconds for it (the wait ends as soon as the row is there).
        var factory = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(Cancel);
            if (await db.Set<UnmatchedPaste>().AsNoTracking().ToListAsync(Cancel) is [var row])
            {
                return row;
            }
            await Task.Delay(50, Cancel);
        }
        throw new TimeoutException("No unmatched diagnosis was recorded.");
    }

    private async Task<IDocument> PostAsync(string route, string text, string action = PasteBox.DiagnoseAction, bool restored = false)
    {
        var response = await portal.CreateClient().PostAsync(route, PasteForm(text, action, restored), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    private static FormUrlEncodedContent PasteForm(string text, string action, bool restored = false) =>
        Form(("_handler", PasteBox.FormName), (PasteBox.TextField, text), (PasteBox.ActionField, action),
            (PasteBox.RestoredField, restored ? "true" : "false"));

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Cancel));

    private static IElement FormOf(IDocument page) => page.QuerySelector("form[data-enhance]:has(textarea)")!;

    private static IElement Box(IDocument page) => page.QuerySelector("textarea#paste-text")!;

    private static IElement Status(IDocument page) => page.QuerySelector(".portal-paste p[role=status]#diagnosis-status")!;

    private static IElement? FindButton(IDocument page, string label) =>
        page.QuerySelectorAll("button").FirstOrDefault(b => b.TextContent.Trim() == label);
}
