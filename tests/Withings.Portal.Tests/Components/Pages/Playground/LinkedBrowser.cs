using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Withings.Portal.Playground;
using Withings.Portal.Tests.Playground;
using Withings.Sandbox.Data;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Components.Pages.Playground;

/// <summary>
/// One browser on the playground's test portal, as the linked user's pages see it: the cookies it keeps (the link's),
/// the consent that links a user, and form posts back to a page with that page's antiforgery token.
/// </summary>
internal sealed partial class LinkedBrowser : IDisposable
{
    /// <summary>The Accept header blazor.web.js sends with an enhanced form post.</summary>
    public const string EnhancedAccept = "text/html; blazor-enhanced-nav=on";

    private readonly PlaygroundPortal portal;
    private readonly CookieContainer cookies = new();

    public LinkedBrowser(PlaygroundPortal portal)
    {
        this.portal = portal;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = portal.BaseAddress };
    }

    public HttpClient Client { get; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// Consents as <paramref name="user"/> and lands on the callback with this browser, which then holds the link's
    /// cookie; the callback page and the code it spent.
    /// </summary>
    public async Task<(string Callback, string SpentCode)> LinkAsync(int user = SimulatedUsers.DemoUserId, bool demo = true, string[]? scopes = null)
    {
        var (callback, _, code) = await portal.ConsentAsync(user, demo, scopes);
        var html = await Client.GetStringAsync(callback, Cancel);
        Assert.Contains("data-testid=\"linked-user\"", html);
        return (html, code);
    }

    /// <summary>What the portal keeps for this browser's link.</summary>
    public PlaygroundLink Link() =>
        portal.Services.GetRequiredService<PlaygroundLinks>().Find(cookies.GetAllCookies().First(c => c.Name == PlaygroundLinks.CookieName).Value)!;

    /// <summary>
    /// A Cookie header with this browser's cookies, but a link cookie naming a link the portal no longer has (idle too
    /// long, or a restart).
    /// </summary>
    public string CookiesWithAForgottenLink() =>
        string.Join("; ", cookies.GetAllCookies().Where(c => c.Name != PlaygroundLinks.CookieName)
            .Select(c => $"{c.Name}={c.Value}").Append($"{PlaygroundLinks.CookieName}=forgotten"));

    /// <summary>
    /// Loads <paramref name="path"/> for its antiforgery token, then posts the form named <paramref name="formName"/>
    /// there, as blazor.web.js does when <paramref name="enhanced"/> (its Accept header), else as a browser without it.
    /// </summary>
    public async Task<string> PostAsync(string path, string formName, bool enhanced, params (string Key, string Value)[] fields)
    {
        var token = AntiforgeryTokenIn(await Client.GetStringAsync(path, Cancel));
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = Form([("__RequestVerificationToken", token), ("_handler", formName), .. fields]),
        };
        if (enhanced)
        {
            request.Headers.TryAddWithoutValidation("Accept", EnhancedAccept);
        }
        var response = await Client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    /// <summary>An island: the marker Blazor leaves for an interactive server component.</summary>
    [GeneratedRegex("""<!--Blazor:\{"type":"server""")]
    public static partial Regex ServerIslands();

    public void Dispose() => Client.Dispose();
}
