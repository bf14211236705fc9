using Bunit;
using Microsoft.AspNetCore.Http;
using Withings.Portal.Components.Layout;
using Withings.Portal.Shell;
using Withings.Portal.Tests.Infrastructure;

namespace Withings.Portal.Tests.Components.Layout;

public class ThemeToggleTests : PortalBunitContext
{
    [Fact]
    public void LightPageOffersDarkAndReturnsToTheSameUrl()
    {
        var cut = Render<ThemeToggle>(p => p.AddCascadingValue<HttpContext>(Request("/faq/x", "?q=1")));

        Assert.Equal("dark", cut.Find("input[name=theme]").GetAttribute("value"));
        Assert.Equal("/faq/x?q=1", cut.Find("input[name=returnUrl]").GetAttribute("value"));
        Assert.Equal("Switch to dark mode", cut.Find("button").GetAttribute("aria-label"));
    }

    [Fact]
    public void DarkPageOffersLight()
    {
        var context = Request("/", "");
        context.Request.Headers.Cookie = $"{ThemePreference.CookieName}=dark";

        var cut = Render<ThemeToggle>(p => p.AddCascadingValue<HttpContext>(context));

        Assert.Equal("light", cut.Find("input[name=theme]").GetAttribute("value"));
        Assert.Equal("post", cut.Find("form").GetAttribute("method"));
        Assert.Equal("/theme", cut.Find("form").GetAttribute("action"));
    }

    private static DefaultHttpContext Request(string path, string query) =>
        new() { Request = { Path = path, QueryString = new QueryString(query) } };
}
