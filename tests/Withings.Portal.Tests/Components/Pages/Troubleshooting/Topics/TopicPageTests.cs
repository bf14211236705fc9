using System.Net;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Tests.Troubleshooting;

namespace Withings.Portal.Tests.Components.Pages.Troubleshooting.Topics;

/// <summary><c>/troubleshoot/{id}</c> and <c>/troubleshoot/{id}/{step}</c>: static, linkable, cached help pages.</summary>
public class TopicPageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryTopicIdAnswersWithItsPage()
    {
        var client = fixture.Portal.CreateClient();
        var failures = new List<string>();

        foreach (var topic in TopicFiles.Catalog.Topics)
        {
            var response = await client.GetAsync(topic.Url, Cancel);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
            if (response.StatusCode != HttpStatusCode.OK || !html.Contains(topic.Title, StringComparison.Ordinal) ||
                !html.Contains($"data-step=\"{topic.StartStep.Id}\"", StringComparison.Ordinal))
            {
                failures.Add($"{topic.Url}: {(int)response.StatusCode}");
            }
        }

        Assert.Equal(24, TopicFiles.Catalog.Topics.Count);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task AStepNamedInTheQueryOpensThatStepKeepingTheAnswers()
    {
        var client = fixture.Portal.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/troubleshoot/invalid-code?step=code-age&status=503", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/troubleshoot/invalid-code/code-age?status=503", response.Headers.Location?.PathAndQuery);
        var step = await fixture.Portal.CreateClient().GetAsync(response.Headers.Location, Cancel);
        Assert.Contains("data-step=\"code-age\"", await step.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task OnlyAStepsOwnAddressMarksItsHeadingToTakeFocusAfterAnAnswer()
    {
        var client = fixture.Portal.CreateClient();
        var start = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync("/troubleshoot/invalid-code", Cancel));
        var step = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync("/troubleshoot/invalid-code/code-age?path=start", Cancel));

        Assert.Empty(start.QuerySelectorAll("[data-focus-after-navigation]"));
        var marked = Assert.Single(step.QuerySelectorAll("[data-focus-after-navigation]"));
        Assert.Equal("current-step", marked.Id);
    }

    [Fact]
    public async Task AnUnknownStepNamedInTheQueryIsNotFound()
    {
        var response = await fixture.Portal.CreateClient().GetAsync("/troubleshoot/invalid-code?step=no-such-step", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TopicPageListsThePublicThreadsWhereItWasSeen()
    {
        var topic = TopicFiles.Catalog.Get("invalid-code");

        var html = WebUtility.HtmlDecode(await fixture.Portal.CreateClient().GetStringAsync(topic.Url, Cancel));

        Assert.Contains("Seen elsewhere", html);
        Assert.All(topic.Meta.SeenElsewhere, thread =>
        {
            Assert.Contains($"href=\"{thread.Url}\"", html);
            Assert.Contains(thread.FixedBy, html);
        });
    }

    [Fact]
    public async Task NoStepPageUsesAnIdTwice()
    {
        var client = fixture.Portal.CreateClient();
        var failures = new List<string>();

        foreach (var topic in TopicFiles.Catalog.Topics)
        {
            foreach (var step in topic.Steps)
            {
                var html = await client.GetStringAsync(topic.StepUrl(step.Id), Cancel);
                var twice = System.Text.RegularExpressions.Regex.Matches(html, @"\sid=""([^""]+)""")
                    .GroupBy(m => m.Groups[1].Value).Where(g => g.Count() > 1).Select(g => g.Key);
                failures.AddRange(twice.Select(id => $"{topic.StepUrl(step.Id)}: id \"{id}\""));
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task EachCauseIsSeparatedFromTheLinkToItsFix()
    {
        var topic = TopicFiles.Catalog.Get("invalid-code");

        var html = await fixture.Portal.CreateClient().GetStringAsync(topic.StepUrl(topic.StartStep.Id), Cancel);

        var causes = System.Text.RegularExpressions.Regex.Match(html, @"<details class=""portal-causes[\s\S]*?</details>").Value;
        Assert.Contains(">Fix: ", causes);
        Assert.DoesNotMatch(@"\S<a [^>]*>Fix: ", causes);
    }

    [Fact]
    public async Task EveryStepOfEveryTopicAnswersAtItsOwnAddress()
    {
        var client = fixture.Portal.CreateClient();
        var failures = new List<string>();

        foreach (var topic in TopicFiles.Catalog.Topics)
        {
            foreach (var step in topic.Steps)
            {
                var response = await client.GetAsync(topic.StepUrl(step.Id), Cancel);
                var html = await response.Content.ReadAsStringAsync(Cancel);
                if (response.StatusCode != HttpStatusCode.OK || !html.Contains($"data-step=\"{step.Id}\"", StringComparison.Ordinal))
                {
                    failures.Add($"{topic.StepUrl(step.Id)}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("/troubleshoot/invalid-code?status=503&endpoint=token", "code-age")]
    [InlineData("/troubleshoot/invalid-code?status=503&endpoint=token&age=45", "fix-expired")]
    [InlineData("/troubleshoot/invalid-code?grant_type=refresh_token", "refresh-instead")]
    [InlineData("/troubleshoot/wrong-api-host?host=api-com", "fix-net")]
    [InlineData("/troubleshoot/invalid-code/code-age?age=12", "reused")]
    [InlineData("/troubleshoot/invalid-code?status=601", "start")]
    public async Task QueryValuesOpenTheTopicOnTheRightStep(string url, string step)
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync(url, Cancel);

        Assert.Contains($"data-step=\"{step}\"", html);
    }

    [Fact]
    public async Task PrefilledAnswerIsShownAsAnswerFromTheLink()
    {
        var html = WebUtility.HtmlDecode(await fixture.Portal.CreateClient().GetStringAsync("/troubleshoot/invalid-code?status=503&endpoint=token", Cancel));

        Assert.Contains("You answered:", html);
        Assert.Contains("The code exchange: POST /v2/oauth2 with grant_type=authorization_code", html);
        Assert.Contains("(from the values in your link)", html);
    }

    [Theory]
    [InlineData("/troubleshoot/no-such-topic")]
    [InlineData("/troubleshoot/invalid-code/no-such-step")]
    [InlineData("/troubleshoot/no-such-topic/start")]
    public async Task UnknownTopicOrStepGivesTheNotFoundPage(string url)
    {
        var response = await fixture.Portal.CreateClient().GetAsync(url, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task AnswersArePlainLinksToTheNextStep()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/troubleshoot/invalid-code", Cancel);

        Assert.Contains("href=\"/troubleshoot/invalid-code/code-age?path=start\"", html);
        Assert.Contains("href=\"/troubleshoot/invalid-code/refresh-instead?path=start\"", html);
    }

    [Fact]
    public async Task StepPageShowsTheAnswersSoFarWithLinksBack()
    {
        var html = WebUtility.HtmlDecode(await fixture.Portal.CreateClient().GetStringAsync("/troubleshoot/invalid-code/mangled?path=start,code-age,reused", Cancel));

        Assert.Contains("href=\"/troubleshoot/invalid-code/start\"", html);
        Assert.Contains("href=\"/troubleshoot/invalid-code/code-age?path=start\"", html);
        Assert.Contains("href=\"/troubleshoot/invalid-code/reused?path=start,code-age\"", html);
        Assert.Contains("30 seconds or less", html);
    }

    [Fact]
    public async Task EveryStepShowsItsStableLinkToCopy()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/troubleshoot/invalid-code/mangled?path=start,code-age,reused", Cancel);

        Assert.Contains("value=\"http://localhost/troubleshoot/invalid-code/mangled\"", html);
        Assert.Contains("data-copy-target=\"step-link\"", html);
    }

    [Fact]
    public async Task EveryStepOffersToSaveACaseWithTheStepsWalked()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/troubleshoot/invalid-code/mangled?path=start,code-age,reused", Cancel);

        Assert.Contains("href=\"/cases/new?topic=invalid-code&amp;step=mangled&amp;path=start,code-age,reused,mangled\"", html);
    }

    [Fact]
    public async Task FixStepRendersItsMarkdownAndCause()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/troubleshoot/invalid-code/fix-expired", Cancel);

        Assert.Contains("<strong>30 seconds</strong>", html);
        Assert.Contains("The code was exchanged more than 30 seconds after Withings redirected to the callback.", html);
        Assert.Contains("action=\"/troubleshoot/invalid-code/fix-expired/outcome\"", html);
    }

    [Fact]
    public async Task StepPagesComeFromTheOutputCache()
    {
        var client = fixture.Portal.CreateBrowserLikeClient();
        await client.GetAsync("/troubleshoot/redirect-uri-mismatch/registered?path=start", Cancel);

        var second = await client.GetAsync("/troubleshoot/redirect-uri-mismatch/registered?path=start", Cancel);

        Assert.True(second.Headers.Contains("Age"), "the second response should come from the output cache");
        Assert.False(second.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task TopicPagesOpenNoCircuit()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/troubleshoot/invalid-code/code-age", Cancel);

        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html);
        Assert.DoesNotContain("components-reconnect-modal", html);
    }

    [Fact]
    public async Task TopicWithoutReproduceSaysWhyInsteadOfOfferingTheButton()
    {
        var html = WebUtility.HtmlDecode(await fixture.Portal.CreateClient().GetStringAsync("/troubleshoot/cors", Cancel));

        Assert.Contains("data-testid=\"not-reproducible\"", html);
        Assert.Contains(TopicFiles.Catalog.Get("cors").Meta.NotReproducible!, html);
        Assert.DoesNotContain("/troubleshoot/cors/reproduce", html);
    }

    [Fact]
    public async Task TopicWithReproduceOffersTheButtonAsAPlainFormPost()
    {
        var html = await fixture.Portal.CreateClient().GetStringAsync("/troubleshoot/invalid-code", Cancel);

        Assert.Contains("<form method=\"post\" action=\"/troubleshoot/invalid-code/reproduce\">", html);
        Assert.Contains("name=\"_handler\" value=\"reproduce\"", html);
    }

    [Fact]
    public async Task ReproducePanelSaysTheSandboxAnswersWhereWithingsOwnAnswerIsUnconfirmed()
    {
        var html = WebUtility.HtmlDecode(await fixture.Portal.CreateClient().GetStringAsync("/troubleshoot/redirect-uri-mismatch", Cancel));

        Assert.Contains("The sandbox answers: HTTP 400, “redirect_uri_mismatch”. What Withings itself answers is unconfirmed.", html);
        Assert.DoesNotContain("Withings answers: HTTP 400", html);
        Assert.Contains("Withings answers: HTTP 302", html);
    }

    [Fact]
    public async Task ReproducePanelSaysWithingsAnswersWhereTheSourcesConfirmIt()
    {
        var html = WebUtility.HtmlDecode(await fixture.Portal.CreateClient().GetStringAsync("/troubleshoot/invalid-code", Cancel));

        Assert.Contains("Withings answers: HTTP 200, status 503, “Invalid Params: invalid code”", html);
        Assert.DoesNotContain("The sandbox answers", html);
    }

    [Fact]
    public async Task SitemapListsEveryStep()
    {
        var xml = await fixture.Portal.CreateClient().GetStringAsync("/sitemap.xml", Cancel);

        Assert.Contains("<loc>http://localhost/troubleshoot/invalid-code/fix-expired</loc>", xml);
        Assert.Contains("<loc>http://localhost/troubleshoot/cors/start</loc>", xml);
    }
}
