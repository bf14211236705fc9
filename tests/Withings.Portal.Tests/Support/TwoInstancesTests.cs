using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Tests.Infrastructure;
using Withings.Portal.Troubleshooting.Cases;

namespace Withings.Portal.Tests.Support;

/// <summary>
/// Two portal instances on one database, as behind a load balancer: what one stores the other serves, and what one
/// protects (sign-in cookies, antiforgery tokens, component state) the other reads, because the key ring is in the database.
/// </summary>
public sealed partial class TwoInstancesTests : IAsyncDisposable
{
    private readonly PortalFactory first = new();
    private readonly PortalFactory second;

    public TwoInstancesTests() => second = new PortalFactory(first.DataFolder);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CaseSavedOnOneOpensOnTheOther()
    {
        _ = second.Services;
        var saved = await first.Services.GetRequiredService<CaseService>()
            .CreateAsync(new NewCase("""{"status":503,"error":"Invalid Params: invalid code"}""", [], null), Cancel);

        var page = await second.CreateBrowserLikeClient().GetStringAsync(saved.Route, Cancel);

        Assert.Contains("Invalid Params: invalid code", page);
    }

    [Fact]
    public async Task LinkMadeOnOneOpensOnTheOther()
    {
        _ = second.Services;
        var support = await SupportClient.SignedInAsync(first);
        var made = await support.PostFormAsync("/support/links/new?topic=invalid-code&step=start", "/support/links",
            ("topic", "invalid-code"), ("step", "start"), ("answer.status", "503"));
        var code = ShortLink().Match(await support.GetHtmlAsync(made.Headers.Location!.OriginalString)).Groups["code"].Value;

        var opened = await second.CreateBrowserLikeClient().GetAsync($"/l/{code}", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/troubleshoot/invalid-code/start?status=503", opened.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public void DataProtectedOnOneIsReadOnTheOther()
    {
        var protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("two-instances").Protect("shared secret");

        var read = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("two-instances").Unprotect(protectedText);

        Assert.Equal("shared secret", read);
    }

    [Fact]
    public async Task SignInOnOneIsHonouredByTheOther()
    {
        _ = second.Services;
        var signInCookie = await SignInCookieAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/support");
        request.Headers.Add("Cookie", signInCookie);
        var dashboard = await second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    private async Task<string> SignInCookieAsync()
    {
        var client = first.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync("/support/sign-in", Cancel);
        var antiforgeryCookie = HtmlForms.CookiesFrom(form);
        var token = HtmlForms.AntiforgeryTokenIn(await form.Content.ReadAsStringAsync(Cancel));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/support/sign-in")
        {
            Content = HtmlForms.Form(("__RequestVerificationToken", token), ("_handler", "support-sign-in"),
                ("Input.Email", PortalFactory.AdminEmail), ("Input.Password", PortalFactory.AdminPassword)),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await client.SendAsync(post, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return HtmlForms.CookiesFrom(signedIn);
    }

    [GeneratedRegex("/l/(?<code>[a-z0-9]{26})")]
    private static partial Regex ShortLink();

    public async ValueTask DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
        first.DeleteData();
    }
}
