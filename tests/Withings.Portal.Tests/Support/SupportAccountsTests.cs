using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Withings.Portal.Support;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Support;

/// <summary>Support accounts: the configured admin, accounts added by admins, disabled accounts, lockout.</summary>
public sealed class SupportAccountsTests : IAsyncDisposable
{
    private const string StaffPassword = "Staff-password-42!";

    private readonly PortalFactory portal = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConfiguredAdminSignsInAndSeesTheDashboard()
    {
        var admin = await SupportClient.SignedInAsync(portal);

        var dashboard = await admin.GetHtmlAsync("/support");

        Assert.Contains($"Signed in as {PortalFactory.AdminEmail}", dashboard);
    }

    [Fact]
    public async Task AdminAddsAnAccountThatSignsInButCannotManageAccounts()
    {
        var admin = await SupportClient.SignedInAsync(portal);
        var added = await admin.PostFormAsync("/support/accounts", "/support/accounts",
            ("_handler", "add-support-account"), ("Input.Email", "staff@portal.test"), ("Input.Password", StaffPassword));
        Assert.Contains("staff@portal.test can now sign in", await added.Content.ReadAsStringAsync(Cancel));

        var staff = await SupportClient.SignedInAsync(portal, "staff@portal.test", StaffPassword);
        var accounts = await staff.Http.SendAsync(Html("/support/accounts"), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, accounts.StatusCode);
        Assert.Equal("/support/admins-only?returnUrl=%2Fsupport%2Faccounts", accounts.Headers.Location?.PathAndQuery);
        var refused = await staff.Http.SendAsync(Html(accounts.Headers.Location!.PathAndQuery), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("/support/accounts is for support admins", page);
        Assert.Contains("Signed in as staff@portal.test", page);
        Assert.DoesNotContain("support-sign-in", page);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.SendAsync(Html("/support"), Cancel)).StatusCode);
    }

    [Fact]
    public async Task WeakPasswordForANewAccountIsRefusedWithIdentitysReason()
    {
        var admin = await SupportClient.SignedInAsync(portal);

        var added = await admin.PostFormAsync("/support/accounts", "/support/accounts",
            ("_handler", "add-support-account"), ("Input.Email", "weak@portal.test"), ("Input.Password", "short"));

        Assert.Contains("at least 12 characters", await added.Content.ReadAsStringAsync(Cancel));
        Assert.Null(await Users().FindByEmailAsync("weak@portal.test"));
    }

    [Fact]
    public async Task AnAddressAlreadyTakenInAnotherCaseIsRefusedInOneSentence()
    {
        await AddStaffAsync("taken@portal.test");
        var admin = await SupportClient.SignedInAsync(portal);

        var added = await admin.PostFormAsync("/support/accounts", "/support/accounts",
            ("_handler", "add-support-account"), ("Input.Email", "TAKEN@portal.test"), ("Input.Password", StaffPassword));

        var html = System.Net.WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("An account for TAKEN@portal.test already exists (addresses are compared without regard to case).", html);
        Assert.DoesNotContain("Username", html);
        Assert.DoesNotContain("is already taken", html);
    }

    [Fact]
    public async Task DisabledAccountCannotSignIn()
    {
        await AddStaffAsync("gone@portal.test");
        var admin = await SupportClient.SignedInAsync(portal);
        var id = (await Users().FindByEmailAsync("gone@portal.test"))!.Id;

        var disabled = await admin.PostFormAsync("/support/accounts", $"/support/accounts/{id}/disable");
        var attempt = await new SupportClient(portal.CreateBrowserLikeClient()).SignInAsync("gone@portal.test", StaffPassword);

        Assert.Equal("/support/accounts", disabled.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        Assert.Equal(await RefusalFor("nobody@portal.test"), Problem(await attempt.Content.ReadAsStringAsync(Cancel)));
    }

    [Fact]
    public async Task AccountIsLockedAfterTheConfiguredFailedAttempts()
    {
        await AddStaffAsync("typo@portal.test");
        var client = new SupportClient(portal.CreateBrowserLikeClient());
        var attempts = portal.Services.GetRequiredService<IOptions<SupportOptions>>().Value.MaxFailedAttempts;
        for (var i = 0; i < attempts; i++)
        {
            await client.SignInAsync("typo@portal.test", "Wrong-password-" + i);
        }

        var withTheRightPassword = await client.SignInAsync("typo@portal.test", StaffPassword);

        Assert.Equal(HttpStatusCode.OK, withTheRightPassword.StatusCode);
        Assert.Equal(await RefusalFor("nobody@portal.test"), Problem(await withTheRightPassword.Content.ReadAsStringAsync(Cancel)));
    }

    [Fact]
    public async Task WrongPasswordAndUnknownAddressGetTheSameAnswer()
    {
        var client = new SupportClient(portal.CreateBrowserLikeClient());

        var wrong = await (await client.SignInAsync(PortalFactory.AdminEmail, "Not-the-password-1!")).Content.ReadAsStringAsync(Cancel);
        var unknown = await (await client.SignInAsync("nobody@portal.test", "Not-the-password-1!")).Content.ReadAsStringAsync(Cancel);

        Assert.StartsWith("Wrong e-mail or password.", Problem(wrong));
        Assert.Equal(Problem(wrong), Problem(unknown));
    }

    [Fact]
    public async Task OneAddressTryingManySignInsIsSlowedDown()
    {
        var client = new SupportClient(portal.CreateBrowserLikeClient());
        for (var i = 0; i < SupportCookie.SignInPermitsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync($"guess{i}@portal.test", "Not-the-password-1!")).StatusCode);
        }

        var pastTheLimit = await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, pastTheLimit.StatusCode);
        Assert.Contains("Too many requests", await pastTheLimit.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.SendAsync(Html(SupportCookie.SignInPath), Cancel)).StatusCode);
    }

    /// <summary>What the sign-in form answers an address that has no account.</summary>
    private async Task<string> RefusalFor(string email) =>
        Problem(await (await new SupportClient(portal.CreateBrowserLikeClient()).SignInAsync(email, "Not-the-password-1!")).Content.ReadAsStringAsync(Cancel));

    private static string Problem(string html) =>
        WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, @"data-testid=""sign-in-problem""[^>]*>(?:\s*<[^>]+>)*\s*([^<]+)").Groups[1].Value).Trim();

    [Fact]
    public async Task SignOutEndsTheSession()
    {
        var admin = await SupportClient.SignedInAsync(portal);

        var signedOut = await admin.PostFormAsync("/support", "/support/sign-out");
        var dashboard = await admin.Http.SendAsync(Html("/support"), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
    }

    [Fact]
    public async Task SignOutAlsoEndsACopyOfTheSessionCookie()
    {
        await using var checkedOnEveryRequest = portal.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.PostConfigure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero)));
        var client = new SupportClient(checkedOnEveryRequest.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        var signIn = await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var sessionCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)).Split(';')[0];
        using var copy = checkedOnEveryRequest.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", sessionCookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.SendAsync(Html("/support"), Cancel)).StatusCode);

        await client.PostFormAsync("/support", "/support/sign-out");
        var withTheCopy = await copy.SendAsync(Html("/support"), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, withTheCopy.StatusCode);
        Assert.StartsWith(SupportCookie.SignInPath, withTheCopy.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task AdminUnlocksALockedAccountWhichThenSignsInWithItsPassword()
    {
        await AddStaffAsync("locked@portal.test");
        var client = new SupportClient(portal.CreateBrowserLikeClient());
        var attempts = portal.Services.GetRequiredService<IOptions<SupportOptions>>().Value.MaxFailedAttempts;
        for (var i = 0; i < attempts; i++)
        {
            await client.SignInAsync("locked@portal.test", "Wrong-password-" + i);
        }
        var admin = await SupportClient.SignedInAsync(portal);
        var id = (await Users().FindByEmailAsync("locked@portal.test"))!.Id;
        var list = await admin.GetHtmlAsync("/support/accounts");
        Assert.Contains("locked after failed sign-ins until", list);
        Assert.Contains($"/support/accounts/{id}/unlock", list);

        var unlocked = await admin.PostFormAsync("/support/accounts", $"/support/accounts/{id}/unlock");

        Assert.Equal("/support/accounts", unlocked.Headers.Location?.OriginalString);
        Assert.DoesNotContain($"/support/accounts/{id}/unlock", await admin.GetHtmlAsync("/support/accounts"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("locked@portal.test", StaffPassword)).StatusCode);
    }

    [Fact]
    public async Task StaffCannotUnlockAccounts()
    {
        await AddStaffAsync("staff2@portal.test");
        var staff = await SupportClient.SignedInAsync(portal, "staff2@portal.test", StaffPassword);
        var id = (await Users().FindByEmailAsync(PortalFactory.AdminEmail))!.Id;

        var refused = await staff.PostFormAsync("/support", $"/support/accounts/{id}/unlock");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith(SupportCookie.AdminsOnlyPath, refused.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [InlineData("", "Support:Admin:Password is unusable: it is missing.")]
    [InlineData("short", "at least 12 characters")]
    [InlineData("alllowercaseletters", "mix upper- and lowercase")]
    [InlineData(SupportOptions.DevelopmentPassword, "the Testing environment needs its own")]
    public void UnusableAdminPasswordStopsStartUpSayingWhatToSet(string password, string message)
    {
        var failure = PortalFactory.StartupFailure(() => new PortalFactory { Settings = { ["Support:Admin:Password"] = password } });

        Assert.Contains(message, Assert.IsType<OptionsValidationException>(failure).Message);
    }

    [Fact]
    public async Task AdminPasswordFollowsConfigurationAcrossRestarts()
    {
        _ = portal.Services;
        await portal.DisposeAsync();
        await using var restarted = new PortalFactory(portal.DataFolder);
        restarted.Settings["Support:Admin:Password"] = "Rotated-password-2!";

        var client = new SupportClient(restarted.CreateBrowserLikeClient());

        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(PortalFactory.AdminEmail, "Rotated-password-2!")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task ARestartUnlocksTheConfiguredAdminLockedOutWithTheSamePassword()
    {
        var client = new SupportClient(portal.CreateBrowserLikeClient());
        var attempts = portal.Services.GetRequiredService<IOptions<SupportOptions>>().Value.MaxFailedAttempts;
        for (var i = 0; i < attempts; i++)
        {
            await client.SignInAsync(PortalFactory.AdminEmail, "Wrong-password-" + i);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword)).StatusCode);
        await portal.DisposeAsync();

        await using var restarted = new PortalFactory(portal.DataFolder);
        var signIn = await new SupportClient(restarted.CreateBrowserLikeClient()).SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        using var scope = restarted.Services.CreateScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<SupportUser>>().FindByEmailAsync(PortalFactory.AdminEmail);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Null(admin!.LockoutEnd);
        Assert.Equal(0, admin.AccessFailedCount);
    }

    private UserManager<SupportUser> Users() =>
        portal.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<SupportUser>>();

    private async Task AddStaffAsync(string email)
    {
        using var scope = portal.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Withings.Portal.Support.Accounts.SupportAccounts>();
        Assert.Empty(await accounts.AddAsync(email, StaffPassword, isAdmin: false));
    }

    private static HttpRequestMessage Html(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        await portal.DisposeAsync();
        portal.DeleteData();
    }
}
