using Microsoft.Playwright;
using Withings.Portal.BrowserTests.Infrastructure;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.BrowserTests.Shell;

/// <summary>
/// The 30 XSS vectors of <see cref="XssVectors"/> typed into every text input a visitor or support staff
/// has, in Chromium: each comes back as text, no dialog opens (every vector calls <c>alert</c>) and the Content Security
/// Policy reports nothing (the base class fails the test on any violation, which an injected inline script or handler
/// would cause even where the policy stops it from running).
/// </summary>
/// <remarks>
/// Inputs behind a low rate limit (case saving, feedback, support links) get the vectors together (a case and a comment
/// all 30, one per line; support notes as many as fit in a note), so the test stays inside the limits a real visitor has.
/// </remarks>
public class XssBrowserTests(BrowserFixture browser, LivePortal portal) : BrowserTest(browser, portal), IClassFixture<LivePortal>
{
    private static readonly string[] Vectors = XssVectors.All;

    private readonly List<string> dialogs = [];

    [Fact]
    public async Task VectorsPastedIntoTheBoxAndSavedAsACaseStayText()
    {
        ListenForDialogs();
        foreach (var vector in Vectors)
        {
            var text = $"wbsapi.withings.net answered {vector}";
            await Page.GotoAsync("/troubleshoot");
            await Page.GetByLabel("What you saw").FillAsync(text);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Diagnose" }).ClickAsync();
            await Page.Locator("[data-testid=diagnosis]").WaitForAsync();

            Assert.Equal(text, await Page.GetByLabel("What you saw").InputValueAsync());
            AssertNothingRan(vector);
        }

        var everything = string.Join('\n', Vectors);
        await Page.GetByLabel("What you saw").FillAsync($"wbsapi.withings.net answered:\n{everything}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save as a case" }).ClickAsync();
        await Page.Locator("[data-testid=case-link]").ClickAsync();
        await Page.Locator("[data-testid=case-text]").WaitForAsync();

        await AssertEveryVectorShownAsync("[data-testid=case-text]", "the case page");
    }

    [Fact]
    public async Task VectorsSearchedForAndLeftInAFeedbackCommentStayText()
    {
        ListenForDialogs();
        foreach (var vector in Vectors)
        {
            await Page.GotoAsync($"/search?q={Uri.EscapeDataString(vector)}");

            Assert.Equal(vector, await Page.Locator("#search-page-q").InputValueAsync());
            AssertNothingRan(vector);
        }

        var comment = string.Join('\n', Vectors);
        await Page.GotoAsync("/faq/invalid-code");
        await Page.GetByLabel("What were you looking for? (optional)").FillAsync(comment);
        await Page.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();
        await Page.Locator("[data-testid=feedback-comment]").WaitForAsync();
        await Page.ReloadAsync();

        await AssertEveryVectorShownAsync("[data-testid=feedback-comment]", "the feedback answer");
    }

    [Fact]
    public async Task VectorsInASupportLinkNoteStayTextOnTheLinkPageAndTheDashboard()
    {
        ListenForDialogs();
        await Page.GotoAsync("/support/sign-in");
        await Page.GetByLabel("E-mail").FillAsync(PortalFactory.AdminEmail);
        await Page.GetByLabel("Password").FillAsync(PortalFactory.AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/support");

        var notes = NotesOfAtMost(200);
        foreach (var note in notes)
        {
            await Page.GotoAsync("/support/links/new?topic=invalid-code&step=start");
            await Page.Locator("#note").FillAsync(note);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Make the link" }).ClickAsync();
            await Page.Locator("[data-testid=short-link]").WaitForAsync();

            Assert.Contains(note, await Page.Locator(".portal-main").InnerTextAsync());
            AssertNothingRan(note);
        }

        await Page.GotoAsync("/support");
        await WaitForInteractivityAsync();
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Links" }).ClickAsync();
        await Page.Locator("[data-testid=links-table] tbody tr").First.WaitForAsync();
        var table = await Page.Locator("[data-testid=links-table]").InnerTextAsync();
        Assert.Contains(notes[^1], table);
        AssertNothingRan("the dashboard's links");
    }

    [Fact]
    public async Task VectorsInThePlaygroundsOwnAppFieldsStayText()
    {
        ListenForDialogs();
        await Page.GotoAsync("/playground");
        await Page.GetByText("Bring your own app (optional)").ClickAsync();
        var problem = Page.GetByTestId("own-app-problem");
        var status = Page.GetByTestId("own-app-status");
        var ownCallback = $"http://localhost:{Portal.BaseAddress.Port}/playground/callback";

        foreach (var vector in Vectors)
        {
            // As the callback URL: refused with the reason, and sent back into its field as typed.
            await Page.GetByLabel("Client id").FillAsync("my-client");
            await Page.GetByLabel("Client secret").FillAsync("my-secret");
            await Page.GetByLabel("Callback URL (redirect_uri)").FillAsync(vector);
            await Page.GetByTestId("build-url").ClickAsync();
            await problem.WaitForAsync();
            Assert.Equal(vector, await Page.GetByLabel("Callback URL (redirect_uri)").InputValueAsync());
            AssertNothingRan(vector);

            // As the client id: accepted, named back in the confirmation and in its field.
            await Page.GetByLabel("Client id").FillAsync(vector);
            await Page.GetByLabel("Client secret").FillAsync("my-secret");
            await Page.GetByLabel("Callback URL (redirect_uri)").FillAsync(ownCallback);
            await Page.GetByTestId("build-url").ClickAsync();
            await Assertions.Expect(status).ToContainTextAsync($"now runs as {vector.Trim()}");
            Assert.Equal(vector, await Page.GetByLabel("Client id").InputValueAsync());
            AssertNothingRan(vector);
        }
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task VectorsInThePlaygroundsDataCallFieldsStayText()
    {
        ListenForDialogs();
        await Page.GotoAsync("/playground");
        await Page.GetByTestId("build-url").ClickAsync();
        await Page.GetByTestId("open-consent").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Allow this app" }).ClickAsync();
        await Page.GetByTestId("data-call-form").WaitForAsync();
        // The sandbox's consent page has no icon, so Chromium's request for /favicon.ico there was answered 404: not this page's doing.
        ConsoleErrors.Clear();
        var offset = Page.GetByLabel("offset (paging)");
        var problem = Page.GetByTestId("call-problem");

        foreach (var vector in Vectors)
        {
            // As the offset of a getmeas call: refused with the reason (which quotes it), sent back into its field as typed, nothing called.
            await offset.FillAsync(vector);
            // The previous answer's message goes, so the one awaited below is this post's answer.
            await problem.EvaluateAllAsync<int>("alerts => { alerts.forEach(alert => alert.remove()); return alerts.length; }");
            await Page.RunAndWaitForResponseAsync(() => Page.GetByTestId("run-call").ClickAsync(), response => response.Request.Method == "POST");
            var quoted = vector.Trim();
            await Assertions.Expect(problem).ToContainTextAsync($"offset: enter a whole number, 0 or more (it reads “{quoted[..Math.Min(30, quoted.Length)]}");
            Assert.Equal(vector, await offset.InputValueAsync());
            Assert.Equal(0, await Page.GetByTestId("data-status").CountAsync());
            AssertNothingRan(vector);
        }
        Assert.Empty(ConsoleErrors);
    }

    private void ListenForDialogs() =>
        Page.Dialog += async (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add(dialog.Message);
            }
            await dialog.DismissAsync();
        };

    private void AssertNothingRan(string after)
    {
        lock (dialogs)
        {
            Assert.True(dialogs.Count == 0, $"a dialog opened after {after}: {string.Join(", ", dialogs)}");
        }
        lock (CspViolations)
        {
            Assert.True(CspViolations.Count == 0, $"the page broke its Content Security Policy after {after}:\n{string.Join("\n", CspViolations)}");
        }
    }

    /// <summary>The element holds all 30 vectors as text, and none of them ran.</summary>
    private async Task AssertEveryVectorShownAsync(string selector, string where)
    {
        var shown = await Page.Locator(selector).InnerTextAsync();
        Assert.All(Vectors, vector => Assert.Contains(vector, shown));
        AssertNothingRan(where);
    }

    /// <summary>The vectors grouped into notes no longer than a support link's note may be (a single-line field).</summary>
    private static List<string> NotesOfAtMost(int length)
    {
        var notes = new List<string>();
        var current = "";
        foreach (var vector in Vectors)
        {
            var joined = current.Length == 0 ? vector : $"{current} {vector}";
            if (joined.Length > length)
            {
                notes.Add(current);
                joined = vector;
            }
            current = joined;
        }
        notes.Add(current);
        return notes;
    }
}
