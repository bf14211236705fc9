using System.Net;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Troubleshooting.Checks;

namespace Withings.Portal.Tests.Troubleshooting.Checks;

/// <summary>On Kestrel itself (its request-line limit is what answered 414): a long paste gets the check's own message.</summary>
public sealed class RequestCheckLengthTests : IAsyncLifetime
{
    private readonly PortalFactory portal = new();

    public ValueTask InitializeAsync()
    {
        portal.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        portal.StartServer();
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData(2_001)]
    [InlineData(10_000)]
    public async Task PasteTooLongForTheCheckGetsTheFormsOwnMessage(int length)
    {
        // Characters that URL encoding triples, as in a real curl command.
        var paste = string.Concat(Enumerable.Repeat("curl \"https://wbsapi.withings.net/v2/oauth2?a=b&c=d\" ", length / 52 + 1))[..length];

        var response = await portal.CreateClient().GetAsync($"/troubleshoot/invalid-grant-type?{RequestLintLiveCheck.RequestField}={Uri.EscapeDataString(paste)}",
            TestContext.Current.CancellationToken);

        Assert.True(Uri.EscapeDataString(paste).Length > 8_192 || length < 10_000);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains($"That is {length} characters; this check reads at most {RequestLintLiveCheck.MaxLength}.", html);
    }

    public async ValueTask DisposeAsync()
    {
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
