using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Withings.Client;
using Withings.Sandbox.Data;
using Withings.Sandbox.OAuth;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.OAuth;

/// <summary>
/// Codes, nonces and tokens that can no longer be used are deleted in the background, so that anonymous consent posts and
/// exchanges do not make the tables grow for ever; what can still be used stays, and a deleted one is refused as before.
/// </summary>
public sealed class ExpiredCredentialPurgerTests : IDisposable
{
    /// <summary>A day between runs: the clock moves by hours below without the background run getting there first.</summary>
    private readonly SandboxFactory factory = new() { Settings = { ["Sandbox:PurgeInterval"] = "1.00:00:00" } };
    private readonly SandboxClient client;

    public ExpiredCredentialPurgerTests() => client = factory.CreateSandboxClient();

    public void Dispose()
    {
        factory.Dispose();
        factory.DeleteData();
    }

    [Fact]
    public async Task APurgeDeletesWhatCanNoLongerBeUsedAndKeepsWhatCan()
    {
        var spentCode = await client.AuthorizeAsync();
        var first = (await client.ExchangeAsync(spentCode)).Body();
        var rotated = (await client.RefreshAsync(first.GetProperty("refresh_token").GetString()!)).Body();
        await client.AuthorizeAsync();
        await GetNonceAsync();
        factory.Time.Advance(TimeSpan.FromHours(9));

        var purged = await Purger().PurgeOnceAsync(TestContext.Current.CancellationToken);
        var stillRefreshes = await client.RefreshAsync(rotated.GetProperty("refresh_token").GetString()!);
        var spentAgain = await client.ExchangeAsync(spentCode);

        // Both codes (30 s), both access tokens (3 h), the rotated refresh token (8 h after its rotation) and the nonce (30 min).
        Assert.Equal(new PurgedCredentials(Codes: 2, AccessTokens: 2, RefreshTokens: 1, Nonces: 1), purged);
        Assert.Equal(0, stillRefreshes.Status());
        Assert.Equal("Invalid Params: invalid code", spentAgain.Error());
    }

    [Fact]
    public async Task ThePurgeRunsByItselfEveryInterval()
    {
        await client.AuthorizeAsync();
        Assert.Equal(1, await CountCodesAsync());

        for (var tick = 0; tick < 50 && await CountCodesAsync() > 0; tick++)
        {
            factory.Time.Advance(TimeSpan.FromDays(1));
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, await CountCodesAsync());
    }

    private ExpiredCredentialPurger Purger() => factory.Services.GetServices<IHostedService>().OfType<ExpiredCredentialPurger>().Single();

    private async Task<int> CountCodesAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SandboxDbContext>>().CreateDbContextAsync();
        return await db.AuthorizationCodes.CountAsync();
    }

    private Task<System.Text.Json.JsonElement> GetNonceAsync()
    {
        var now = factory.Time.GetUtcNow().ToUnixTimeSeconds();
        return client.PostAsync("/wbsapi/v2/signature", ("action", "getnonce"), ("client_id", SandboxFactory.DemoClientId),
            ("timestamp", now.ToString(CultureInfo.InvariantCulture)),
            ("signature", WithingsSignature.ForNonce(SandboxFactory.DemoSecret, SandboxFactory.DemoClientId, now)));
    }
}
