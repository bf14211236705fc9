using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Withings.Sandbox.Data;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Account;

/// <summary>The consent page and the message pages as HTML: a plain form, no script, every value encoded.</summary>
public sealed partial class ConsentPageTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly SandboxClient client = fixture.Factory.CreateSandboxClient();

    [Fact]
    public async Task TheConsentPageIsAFormThatWorksWithoutJavaScriptWithTheDemoUserCheckedByDefault()
    {
        var html = await client.Http.GetStringAsync(
            $"/account/oauth2_user/authorize2?response_type=code&client_id={SandboxFactory.DemoClientId}&scope=user.metrics&state=abc");

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("__RequestVerificationToken", html);
        // The form posts back to the page's own URL: no action attribute, no script needed.
        Assert.Single(FormTag().Matches(html));
        var radios = RadioInput().Matches(html);
        Assert.Equal(SimulatedUsers.All.Count, radios.Count);
        var checkedRadio = Assert.Single(radios, r => r.Groups["checked"].Success);
        Assert.Equal(SimulatedUsers.DemoUserId.ToString(CultureInfo.InvariantCulture), checkedRadio.Groups["value"].Value);
        Assert.Contains("<button class=\"allow\" type=\"submit\" name=\"decision\" value=\"allow\">Allow this app</button>", html);
        Assert.Contains("<button class=\"cancel\" type=\"submit\" name=\"decision\" value=\"cancel\">Cancel</button>", html);
    }

    [Fact]
    public async Task EveryQueryParameterButUserAndDecisionTravelsOnAsAHiddenField()
    {
        var query = new Dictionary<string, string>
        {
            ["response_type"] = "code", ["client_id"] = SandboxFactory.DemoClientId, ["scope"] = "user.metrics,user.activity",
            ["redirect_uri"] = SandboxFactory.DemoCallback, ["state"] = "s t&a=te/é", ["mode"] = "demo", ["partner_extra"] = "kept",
            ["user"] = "38100004", ["decision"] = "allow",
        };

        var html = await client.Http.GetStringAsync("/account/oauth2_user/authorize2?" + string.Join('&',
            query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")));

        var hidden = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        Assert.Equal(query.Where(p => p.Key is not ("user" or "decision")).OrderBy(p => p.Key), hidden.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task AHostileAppNameScopeAndStateAreHtmlEncoded()
    {
        var created = await client.Http.PostAsJsonAsync("/dashboard/apps",
            new { name = "<script>alert('app')</script>", callback_urls = "https://partner.example/hostile" }, TestContext.Current.CancellationToken);
        var clientId = JsonDocument.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("client_id").GetString();

        var html = await client.Http.GetStringAsync($"/account/oauth2_user/authorize2?client_id={clientId}" +
            $"&scope={Uri.EscapeDataString("user.metrics,<script>alert('scope')</script>")}&state={Uri.EscapeDataString("\"><img src=x onerror=alert(1)>")}");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h1>Allow &lt;script&gt;alert(", html);
        Assert.Contains("<code>&lt;script&gt;alert(", html);
        Assert.Contains("name=\"state\" value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"", html);
    }

    [Fact]
    public async Task AnUnknownClientIdGetsAPlainInvalidClientidPageOfItsOwn()
    {
        var response = await client.ConsentAsync(new() { ["client_id"] = "<b>unknown</b>", ["decision"] = "allow" });

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<title>Invalid clientid</title>", html);
        Assert.Contains("<h1>Invalid clientid</h1>", html);
        Assert.DoesNotContain("<form", html);
        Assert.DoesNotContain("<script", html);
    }

    [GeneratedRegex("<form method=\"post\">")]
    private static partial Regex FormTag();

    [GeneratedRegex("<input type=\"radio\" name=\"user\" id=\"user-(?<value>[0-9]+)\" value=\"(?<value>[0-9]+)\"(?<checked> checked)? />")]
    private static partial Regex RadioInput();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\" />")]
    private static partial Regex HiddenInput();
}
