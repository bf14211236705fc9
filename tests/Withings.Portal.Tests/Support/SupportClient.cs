using System.Net;
using Withings.Portal.Tests.Infrastructure;
using static Withings.Portal.Tests.Infrastructure.HtmlForms;

namespace Withings.Portal.Tests.Support;

/// <summary>A browser-like client of a test portal, signed in (or not) as a support account, that posts the pages' forms with their tokens.</summary>
public sealed class SupportClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static async Task<SupportClient> SignedInAsync(PortalFactory portal, string email = PortalFactory.AdminEmail,
        string password = PortalFactory.AdminPassword)
    {
        var client = new SupportClient(portal.CreateBrowserLikeClient());
        var response = await client.SignInAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed: {(int)response.StatusCode}");
        return client;
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await PostFormAsync("/support/sign-in", "/support/sign-in",
            ("_handler", "support-sign-in"), ("Input.Email", email), ("Input.Password", password));

    /// <summary>Loads <paramref name="page"/>, takes its antiforgery token, and posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string action, params (string Key, string Value)[] fields)
    {
        var html = await GetHtmlAsync(page);
        var token = AntiforgeryTokenIn(html);
        using var request = new HttpRequestMessage(HttpMethod.Post, action)
        {
            Content = Form([("__RequestVerificationToken", token), .. fields]),
        };
        request.Headers.Accept.ParseAdd("text/html");
        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task<string> GetHtmlAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

}
