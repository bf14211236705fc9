using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Withings.Client;
using Withings.Portal.Troubleshooting.Reproduce;

namespace Withings.Portal.Tests.Troubleshooting.Reproduce;

/// <summary>Every topic's failing call gives its error against the sandbox and the corrected call works.</summary>
public partial class ReproduceRunnerTests(SandboxPortalFixture fixture) : IClassFixture<SandboxPortalFixture>
{
    private const string Origin = "https://portal.example";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ReproduceRunner Runner => fixture.Portal.Services.GetRequiredService<ReproduceRunner>();

    public static TheoryData<string> ReproducibleTopics => new(TopicFiles.Catalog.Topics
        .Where(t => t.Meta.Reproduce is not null && t.Id != "notification-callback").Select(t => t.Id));

    [Theory]
    [MemberData(nameof(ReproducibleTopics))]
    public async Task FailingCallGivesTheErrorAndCorrectedCallWorks(string topicId)
    {
        var result = await Runner.RunAsync(TopicFiles.Catalog.Get(topicId), Origin, Cancel);

        Assert.True(result.Failing.AsExpected, $"failing: {result.Failing.Problem} {string.Join("; ", result.Failing.Differences)}");
        Assert.True(result.Corrected.AsExpected, $"corrected: {result.Corrected.Problem} {string.Join("; ", result.Corrected.Differences)}");
    }

    [Fact]
    public async Task SpentCodeGivesInvalidCodeAndAFreshOneGivesTokens()
    {
        var result = await Runner.RunAsync(TopicFiles.Catalog.Get("invalid-code"), Origin, Cancel);

        Assert.Equal("""{"status":503,"body":{},"error":"Invalid Params: invalid code"}""", result.Failing.Exchange!.ResponseBody);
        Assert.Equal(0, result.Corrected.BodyStatus);
        Assert.Contains("\"access_token\":\"<access_token", result.Corrected.Exchange!.ResponseBody);
        // Consent, nonce, signed exchange of the same code: what spent it.
        Assert.Equal(3, result.Failing.Setup.Count);
    }

    [Fact]
    public async Task RepeatedRefreshShowsTheSecondAnswerAndTheFirstAsPreparation()
    {
        var result = await Runner.RunAsync(TopicFiles.Catalog.Get("rate-limited"), Origin, Cancel);

        Assert.Equal(601, result.Failing.BodyStatus);
        Assert.Equal(0, Withings.Portal.Troubleshooting.Reproduce.Expectations.BodyStatus(result.Failing.Setup[^1].ResponseBody));
        Assert.Contains("refresh_token=<refresh_token>", result.Failing.Exchange!.RequestBody);
        Assert.Contains("refresh_token=<refresh_token_2>", result.Corrected.Exchange!.RequestBody);
    }

    [Fact]
    public async Task LiteralValuesOfTheTopicAreShownAsTheyAre()
    {
        var result = await Runner.RunAsync(TopicFiles.Catalog.Get("invalid-client-credentials"), Origin, Cancel);

        Assert.Contains("client_secret=not-the-app-secret", result.Failing.Exchange!.RequestBody);
        Assert.Contains("client_secret=<client_secret>", result.Corrected.Exchange!.RequestBody);
    }

    [Fact]
    public async Task ExchangesAreShownOnThePortalsOwnAddress()
    {
        var result = await Runner.RunAsync(TopicFiles.Catalog.Get("unknown-action"), Origin, Cancel);

        Assert.Equal("https://portal.example/sandbox/wbsapi/measure", result.Failing.Exchange!.Url);
        Assert.StartsWith("curl -X POST 'https://portal.example/sandbox/wbsapi/measure'", result.Failing.Exchange.ToCurl());
        Assert.Contains(result.Failing.Exchange.RequestHeaders, h => h.Key == "Authorization" && h.Value == "Bearer <access_token>");
    }

    [Fact]
    public async Task NotificationOnAPortalWithoutPublicHttpsSaysWhyTheCorrectedCallIsRefused()
    {
        var result = await Runner.RunAsync(TopicFiles.Catalog.Get("notification-callback"), "http://localhost:5000", Cancel);

        Assert.True(result.Failing.AsExpected);
        Assert.Equal(293, result.Corrected.BodyStatus);
        Assert.Contains("localhost is not allowed", result.Corrected.Note);
    }

    [Fact]
    public async Task NoSecretCodeOrTokenIsLeftInAnyExchange()
    {
        foreach (var topicId in new[] { "invalid-code", "invalid-refresh-token", "rate-limited", "oauth1-deprecated", "client-id-not-authorized" })
        {
            var result = await Runner.RunAsync(TopicFiles.Catalog.Get(topicId), Origin, Cancel);

            var text = string.Join('\n', new[] { result.Failing, result.Corrected }
                .SelectMany(c => c.Setup.Append(c.Exchange!))
                .Select(e => $"{e.Url}\n{string.Join('\n', e.RequestHeaders.Concat(e.ResponseHeaders))}\n{e.RequestBody}\n{e.ResponseBody}\n{e.ToCurl()}"));
            Assert.DoesNotContain(SandboxPortalFixture.ClientSecret, text);
            Assert.Null(SecretIn(text));
        }
    }

    /// <summary>
    /// A code, token or nonce of the sandbox (40 lowercase hex characters) in the text, or null. Device ids have the same
    /// shape but are data, not secrets.
    /// </summary>
    internal static string? SecretIn(string text)
    {
        var match = SandboxSecret().Match(DeviceId().Replace(text, ""));
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex("(?<![0-9a-f])[0-9a-f]{40}(?![0-9a-f])")]
    private static partial Regex SandboxSecret();

    [GeneratedRegex("\"(hash_)?deviceid\"\\s*:\\s*\"[0-9a-f]{40}\"")]
    private static partial Regex DeviceId();
}
