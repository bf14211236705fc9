using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Withings.Client;
using Withings.Portal.BrowserTests.Infrastructure;
using Withings.Portal.Playground;

namespace Withings.Portal.BrowserTests.Playground;

/// <summary>The playground and the sample-data guide in sandbox mode, as an integrator uses them.</summary>
public class PlaygroundJourneyTests(BrowserFixture browser, LivePortal portal) : BrowserTest(browser, portal), IClassFixture<LivePortal>
{
    private const int Timeout = 20_000;

    private string? lastCallbackUrl;

    [Fact]
    public async Task DemoUserToTokensToWeightsToRefreshThenANewAccountFilledBySimulationAndNotified()
    {
        var frames = new ConcurrentQueue<string>();
        var pages = new List<string>();
        var secrets = new Dictionary<string, string>
        {
            ["client secret"] = Portal.Factory.Services.GetRequiredService<IConfiguration>()["Sandbox:PortalApp:ClientSecret"]!,
        };
        Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/playground/callback?", StringComparison.Ordinal))
            {
                lastCallbackUrl = request.Url;
            }
        };
        var sockets = new List<string>();
        Page.WebSocket += (_, socket) =>
        {
            sockets.Add(socket.Url);
            socket.FrameReceived += (_, frame) => frames.Enqueue(frame.Text ?? Encoding.Latin1.GetString(frame.Binary ?? []));
            socket.FrameSent += (_, frame) => frames.Enqueue(frame.Text ?? Encoding.Latin1.GetString(frame.Binary ?? []));
        };

        await AuthorizeAsync(demo: true);
        await RememberSecretsAsync(secrets, "demo");
        Assert.Contains("code (demo)", secrets.Keys);
        pages.Add(await Page.ContentAsync());
        Assert.Contains("code exchanged", await Page.GetByTestId("exchange-done").InnerTextAsync());
        // The timeline's numbers sit inside its card, not in its padding.
        Assert.NotEqual("0px", await Page.Locator(".portal-timeline").EvaluateAsync<string>("e => getComputedStyle(e).paddingLeft"));
        // The linked user's section is static: its countdowns tick in the page's script, with no circuit.
        Assert.Equal("38100001", await Page.GetByTestId("userid").InnerTextAsync());
        var expiresIn = await Page.GetByTestId("expires-in").InnerTextAsync();
        await Assertions.Expect(Page.GetByTestId("expires-in")).Not.ToHaveTextAsync(expiresIn, new() { Timeout = Timeout });
        var codeLeft = await Page.GetByTestId("code-countdown").Locator("strong").InnerTextAsync();
        await Assertions.Expect(Page.GetByTestId("code-countdown").Locator("strong")).Not.ToHaveTextAsync(codeLeft, new() { Timeout = Timeout });

        // The data call is a form post back to the page (not a circuit event), answered with the reading.
        var callPost = Page.WaitForRequestAsync(request => request.Method == "POST" && request.Url.EndsWith("/playground/callback", StringComparison.Ordinal));
        await Page.GetByTestId("run-call").ClickAsync();
        await callPost;
        var reading = Page.GetByTestId("reading").First;
        await reading.WaitForAsync(new() { Timeout = Timeout });
        Assert.Matches(@"Weight \d+(\.\d+)? kg", await reading.InnerTextAsync());
        var chartWidth = await Page.Locator(".portal-chart svg").First.EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        var figureWidth = await Page.Locator(".portal-chart").First.EvaluateAsync<double>("e => e.clientWidth");
        Assert.True(chartWidth >= 0.95 * figureWidth, $"the chart is {chartWidth} px wide in a figure of {figureWidth} px");
        await AssertAccessibleAsync("playground-linked-light");
        // Choosing another call with the mouse brings its own fields at once (the choice posts the form), with nothing
        // called yet.
        await Page.GetByTestId("call-select").ClickAsync();
        await Page.GetByTestId("call-select").SelectOptionAsync(DataCalls.SleepSummary);
        await Page.GetByLabel("Start day (startdateymd)").WaitForAsync(new() { Timeout = Timeout });
        await Assertions.Expect(Page.GetByTestId("data-fields")).ToBeVisibleAsync();
        Assert.Equal(0, await Page.GetByTestId("reading").CountAsync());
        Assert.Contains("Call /v2/sleep action=getsummary", await Page.GetByTestId("run-call").TextContentAsync());
        // The countdown still ticks after the posts, and nothing so far needed a circuit.
        expiresIn = await Page.GetByTestId("expires-in").InnerTextAsync();
        await Assertions.Expect(Page.GetByTestId("expires-in")).Not.ToHaveTextAsync(expiresIn, new() { Timeout = Timeout });
        Assert.DoesNotContain(sockets, url => url.Contains("/_blazor", StringComparison.Ordinal));

        await Page.GetByTestId("refresh").ClickAsync();
        var rotation = Page.GetByTestId("rotation");
        await rotation.WaitForAsync(new() { Timeout = Timeout });
        Assert.Contains("invalid refresh_token", await rotation.InnerTextAsync());
        await RememberSecretsAsync(secrets, "demo after refresh");
        pages.Add(await Page.ContentAsync());
        // Subscribing the inbox is what makes the page live: its deliveries island connects.
        await Page.GetByTestId("subscribe-inbox").ClickAsync();
        await Page.GetByTestId("inbox-subscribe-status").GetByText("status 0").WaitForAsync(new() { Timeout = Timeout });
        await WaitForInteractivityAsync("[data-testid=inbox-deliveries][data-interactive=true]");

        await AuthorizeAsync(demo: false, user: "Noa, a new account");
        await RememberSecretsAsync(secrets, "new account");
        // The callback is on localhost (what a restricted-mode app may use) and its cookie with it: stay on that host.
        var socketsBeforeSampleData = sockets.Count;
        await Page.GotoAsync(new Uri(new Uri(Page.Url), "/sample-data").ToString());
        // The checklist is a plain form (no circuit, nothing to wait for): Check all posts it, and the rows fill in as
        // the streamed answer arrives.
        var checkAll = Page.WaitForRequestAsync(request => request.Method == "POST" && request.Url.EndsWith("/sample-data", StringComparison.Ordinal));
        await Page.GetByTestId("check-all").ClickAsync();
        await checkAll;
        await Page.Locator("[data-state=unchecked]").First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = Timeout });
        await Assertions.Expect(Page.GetByTestId("check-all")).ToBeEnabledAsync(new() { Timeout = Timeout });
        Assert.Equal(0, await Page.Locator("[data-state=data]").CountAsync());
        Assert.Contains("8 of 8 checked: 0 return data", await Page.GetByTestId("progress").InnerTextAsync());
        Assert.DoesNotContain(sockets.Skip(socketsBeforeSampleData), url => url.Contains("/_blazor", StringComparison.Ordinal));

        // The inbox's post answers with the checklist's results still there: they are kept with the linked user.
        await Page.GetByTestId("subscribe-inbox").ClickAsync();
        await Page.GetByTestId("inbox-subscribe-status").GetByText("status 0").WaitForAsync(new() { Timeout = Timeout });
        Assert.Equal(8, await Page.Locator("[data-state=empty]").CountAsync());
        await WaitForInteractivityAsync("[data-testid=inbox-deliveries][data-interactive=true]");

        // Eight "Check now" buttons: each one's name says which service it checks.
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Check now: Measures (getmeas)", Exact = true })).ToHaveCountAsync(1);
        foreach (var item in new[] { "getmeas", "getactivity", "getworkouts", "sleep-get", "heart-list" })
        {
            await Page.GetByTestId($"simulate-{item}").ClickAsync();
            await Page.GetByTestId($"item-{item}").And(Page.Locator("[data-state=data]")).WaitForAsync(new() { Timeout = Timeout });
            // What the simulation did is said in the checklist's status line, which a screen reader announces.
            await Assertions.Expect(Page.GetByTestId("sample-data").GetByTestId("post-status")).ToContainTextAsync("Simulated: ");
        }
        await Page.GetByTestId("check-all").ClickAsync();
        await Page.GetByTestId("progress").GetByText("8 of 8 checked: 8 return data").WaitForAsync(new() { Timeout = Timeout });
        Assert.Equal(8, await Page.Locator("[data-state=data]").CountAsync());
        var delivery = Page.GetByTestId("deliveries").Locator("li").First;
        await delivery.WaitForAsync(new() { Timeout = Timeout });
        Assert.Contains("userid=38100002, appli=1", await delivery.InnerTextAsync());
        pages.Add(await Page.ContentAsync());

        Assert.NotEmpty(frames);
        foreach (var (name, value) in secrets)
        {
            Assert.False(frames.Any(f => f.Contains(value, StringComparison.Ordinal)), $"The {name} went through the circuit (SignalR).");
            Assert.False(pages.Any(p => p.Contains(value, StringComparison.Ordinal)), $"The {name} is in the page.");
        }
        await AssertAccessibleAsync("sample-data-filled-light");
        // A reload shows the same results (no circuit kept them): in the dark theme this time.
        await Page.Context.AddCookiesAsync([new Cookie { Name = "portal-theme", Value = "dark", Url = new Uri(new Uri(Page.Url), "/").ToString() }]);
        await Page.ReloadAsync();
        Assert.Equal(8, await Page.Locator("[data-state=data]").CountAsync());
        await AssertAccessibleAsync("sample-data-filled-dark");
    }

    [Fact]
    public async Task ArrowKeysOnTheCallPostNothingUntilShowItsFieldsThenTheChosenCallStays()
    {
        await AuthorizeAsync(demo: true);
        var posts = 0;
        Page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        var select = Page.GetByTestId("call-select");
        var first = await select.InputValueAsync();

        await select.FocusAsync();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await Page.Keyboard.PressAsync("ArrowDown");
        }
        await Page.WaitForTimeoutAsync(1000);
        var chosen = await select.InputValueAsync();

        Assert.NotEqual(first, chosen);
        Assert.Equal(0, posts);
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.GetByTestId("show-call")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        var chosenCall = DataCalls.All.Single(c => c.Id == chosen);
        await Assertions.Expect(Page.GetByTestId("run-call")).ToContainTextAsync(chosenCall.Title, new() { Timeout = Timeout });
        Assert.Equal(1, posts);
        Assert.Equal(chosen, await select.InputValueAsync());
        await Assertions.Expect(Page.GetByTestId("data-calls").GetByRole(AriaRole.Status)).ToHaveTextAsync($"The fields of {chosenCall.Title} are shown; nothing was called.");
    }

    [Fact]
    public async Task SampleDataCheckWorksWithoutJavaScript()
    {
        await AuthorizeAsync(demo: true);
        var sampleData = new Uri(new Uri(Page.Url), "/sample-data").ToString();
        var link = (await Page.Context.CookiesAsync()).First(c => c.Name == PlaygroundLinks.CookieName);
        var context = await NewContextAsync(javaScript: false);
        await context.AddCookiesAsync([new Cookie { Name = link.Name, Value = link.Value, Url = sampleData }]);
        var page = await context.NewPageAsync();
        await page.GotoAsync(sampleData);

        // Without the script the post is an ordinary page load, answered once the check is done (a few calls only:
        // the class shares one address's call limit).
        var posted = page.WaitForResponseAsync(response => response.Request.Method == "POST" && response.Url == sampleData);
        await page.GetByTestId("check-getmeas").ClickAsync();
        Assert.Equal(200, (await posted).Status);

        await page.GetByTestId("item-getmeas").And(page.Locator("[data-state=data]")).WaitForAsync(new() { Timeout = Timeout });
        Assert.Contains("Returns data:", await page.GetByTestId("item-getmeas").InnerTextAsync());
        Assert.Equal(0, await page.Locator("[data-testid=check-all][disabled]").CountAsync());
        Assert.Equal(sampleData, page.Url);
        await context.CloseAsync();
    }

    [Fact]
    public async Task PlaygroundAndSampleDataPagesAreAccessibleInBothThemes()
    {
        await AssertAccessibleInBothThemesAsync("/playground", "playground");
        await AssertAccessibleInBothThemesAsync("/sample-data", "sample-data");
        await AssertAccessibleInBothThemesAsync("/playground/callback?code=x&state=forged", "playground-callback-refused");
    }

    [Fact]
    public async Task PastingAnAlreadyExchangedCodeShowsTheInvalidCodeTopic()
    {
        Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/playground/callback?", StringComparison.Ordinal))
            {
                lastCallbackUrl = request.Url;
            }
        };
        await AuthorizeAsync(demo: true);
        var code = System.Web.HttpUtility.ParseQueryString(new Uri(lastCallbackUrl!).Query)["code"]!;
        // Past the "same arguments within 10 s" rule, which would answer 601 before looking at the code.
        await Task.Delay(TimeSpan.FromSeconds(11), TestContext.Current.CancellationToken);

        await Page.GotoAsync(new Uri(new Uri(Page.Url), "/playground").ToString());
        await Page.GetByTestId("pasted-code").FillAsync(code);
        await Page.GetByTestId("exchange-pasted").ClickAsync();

        var topic = Page.GetByTestId("pasted-topic");
        var problem = Page.GetByTestId("exchange-problem");
        // Whichever comes first: a refusal fails the test with its own words rather than as a timeout.
        await topic.Or(problem).WaitForAsync(new() { Timeout = Timeout });
        if (await problem.IsVisibleAsync())
        {
            Assert.Fail($"The pasted code was not exchanged: {await problem.InnerTextAsync()}");
        }
        Assert.StartsWith("/troubleshoot/invalid-code", await topic.GetAttributeAsync("href"));
        Assert.DoesNotContain(code, await Page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SandboxAppRegistrationExplainsBadCallbacksAndShowsTheSecretOnce()
    {
        var sockets = new List<string>();
        Page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        await Page.GotoAsync("/playground/apps", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Page.GetByLabel("Application name").FillAsync("My test app");
        await Page.GetByLabel("Callback URLs (comma-separated)").FillAsync("http://localhost:3000/callback");
        await Page.GetByTestId("register").ClickAsync();
        var problems = Page.GetByTestId("register-problems");
        await problems.WaitForAsync(new() { Timeout = Timeout });
        Assert.Contains("https://", await problems.InnerTextAsync());
        Assert.Equal("My test app", await Page.GetByLabel("Application name").InputValueAsync());
        Assert.Equal("http://localhost:3000/callback", await Page.GetByLabel("Callback URLs (comma-separated)").InputValueAsync());

        await Page.GetByLabel("Callback URLs (comma-separated)").FillAsync("https://partner.example/withings/callback");
        await Page.GetByTestId("register").ClickAsync();
        var registered = Page.GetByTestId("registered");
        await registered.WaitForAsync(new() { Timeout = Timeout });
        Assert.Contains("shown this once", await registered.InnerTextAsync());
        Assert.False(string.IsNullOrWhiteSpace(await Page.Locator("#new-secret").InnerTextAsync()));
        // A plain form post: the page never opened a circuit.
        Assert.DoesNotContain(sockets, url => url.Contains("/_blazor", StringComparison.Ordinal));
        Assert.Empty(ConsoleErrors);
        await AssertAccessibleAsync("playground-apps-registered");
    }

    [Fact]
    public async Task PlaygroundPagesFitAPhoneScreen()
    {
        await Page.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/playground", "/sample-data", "/playground/apps" })
        {
            await Page.GotoAsync(path);
            await AssertAccessibleAsync($"{path.Trim('/').Replace('/', '-')}-390");
            Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), $"{path} scrolls sideways at 390 px.");
            await AssertFitsThePhoneAsync(path);
        }
    }

    [Fact]
    public async Task PlaygroundWithoutALinkedUserOpensNoWebSocketWhateverTheFormIsAsked()
    {
        var sockets = new List<string>();
        Page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        await Page.GotoAsync("/playground", new() { WaitUntil = WaitUntilState.NetworkIdle });

        await Page.GetByTestId("build-url").ClickAsync();
        await Page.GetByTestId("authorize-url").WaitForAsync(new() { Timeout = Timeout });
        await Page.GetByTestId("exchange-pasted").ClickAsync();
        await Page.GetByTestId("exchange-problem").WaitForAsync(new() { Timeout = Timeout });
        await Page.WaitForTimeoutAsync(500);

        Assert.DoesNotContain(sockets, url => url.Contains("/_blazor", StringComparison.Ordinal));
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task BadInputInTheFormIsExplainedAndKeepsWhatWasTyped()
    {
        await Page.GotoAsync("/playground");
        foreach (var scope in WithingsScopes.All)
        {
            await Page.GetByTestId($"scope-{scope}").UncheckAsync();
        }
        await Page.GetByLabel("mode=demo (link the demo account").UncheckAsync();
        await Page.GetByTestId("build-url").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("authorize-problem")).ToContainTextAsync("Choose at least one scope", new() { Timeout = Timeout });
        Assert.False(await Page.GetByLabel("mode=demo (link the demo account").IsCheckedAsync());

        await Page.GetByTestId("scope-user.info").CheckAsync();
        await Page.GetByText("Bring your own app (optional)").ClickAsync();
        await Page.GetByLabel("Client id").FillAsync("my-client");
        await Page.GetByLabel("Client secret").FillAsync("my-secret-value");
        await Page.GetByLabel("Callback URL (redirect_uri)").FillAsync("http://partner.example/callback");
        await Page.GetByTestId("build-url").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("own-app-problem")).ToContainTextAsync("https", new() { Timeout = Timeout });
        Assert.Equal("my-client", await Page.GetByLabel("Client id").InputValueAsync());
        Assert.Equal("http://partner.example/callback", await Page.GetByLabel("Callback URL (redirect_uri)").InputValueAsync());
        Assert.Equal("", await Page.GetByLabel("Client secret").InputValueAsync());
        Assert.True(await Page.GetByTestId("scope-user.info").IsCheckedAsync());
        Assert.False(await Page.GetByTestId("scope-user.metrics").IsCheckedAsync());

        await Page.GetByTestId("exchange-pasted").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("exchange-problem")).ToContainTextAsync("Paste the value of the code", new() { Timeout = Timeout });
        Assert.Equal("my-client", await Page.GetByLabel("Client id").InputValueAsync());
        Assert.DoesNotContain("my-secret-value", await Page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnterInTheCodeFieldExchangesTheCodeWithItsButtonBesideIt()
    {
        await Page.GotoAsync("/playground", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var field = await Page.GetByTestId("pasted-code").BoundingBoxAsync();
        var button = await Page.GetByTestId("exchange-pasted").BoundingBoxAsync();

        await Page.GetByTestId("pasted-code").PressAsync("Enter");

        await Assertions.Expect(Page.GetByTestId("exchange-problem")).ToContainTextAsync("Paste the value of the code", new() { Timeout = Timeout });
        Assert.Equal(0, await Page.GetByTestId("authorize-url").CountAsync());
        Assert.InRange(button!.Y + button.Height - (field!.Y + field.Height), -2, 2);
    }

    [Fact]
    public async Task ForgedCallbackIsRefusedWithAnExplanation()
    {
        await Page.GotoAsync("/playground/callback?code=abc&state=forged");

        Assert.Contains("not one this portal handed out", await Page.GetByTestId("callback-refused").InnerTextAsync());
    }

    /// <summary>The code of the callback just reached and the linked user's current tokens, read on the server.</summary>
    private async Task RememberSecretsAsync(Dictionary<string, string> secrets, string when)
    {
        if (lastCallbackUrl is not null)
        {
            secrets[$"code ({when})"] = System.Web.HttpUtility.ParseQueryString(new Uri(lastCallbackUrl).Query)["code"]!;
            // The page drops the code from the address bar before its islands connect.
            Assert.DoesNotContain("code=", Page.Url, StringComparison.Ordinal);
            lastCallbackUrl = null;
        }
        var cookie = (await Page.Context.CookiesAsync()).First(c => c.Name == PlaygroundLinks.CookieName);
        var link = Portal.Factory.Services.GetRequiredService<PlaygroundLinks>().Find(cookie.Value)!;
        secrets[$"access token ({when})"] = link.Tokens.AccessToken;
        secrets[$"refresh token ({when})"] = link.Tokens.RefreshToken;
    }

    /// <summary>Builds the authorize2 URL on /playground, opens the consent page, allows as <paramref name="user"/>, lands on the callback.</summary>
    private async Task AuthorizeAsync(bool demo, string? user = null)
    {
        await Page.GotoAsync("/playground");
        if (!demo)
        {
            await Page.GetByLabel("mode=demo (link the demo account").UncheckAsync();
        }
        await Page.GetByTestId("build-url").ClickAsync();
        var url = await Page.GetByTestId("authorize-url").InnerTextAsync(new() { Timeout = Timeout });
        Assert.Contains("/sandbox/account/oauth2_user/authorize2?", url);
        Assert.Equal(demo, url.Contains("mode=demo", StringComparison.Ordinal));
        await Page.GetByTestId("open-consent").ClickAsync();
        await Page.WaitForURLAsync("**/sandbox/account/oauth2_user/authorize2**");
        if (user is not null)
        {
            await Page.GetByLabel(user, new() { Exact = false }).CheckAsync();
        }
        await Page.GetByRole(AriaRole.Button, new() { Name = "Allow this app" }).ClickAsync();
        await Page.WaitForURLAsync("**/playground/callback**");
        await Page.GetByTestId("timeline").WaitForAsync(new() { Timeout = Timeout });
    }
}
