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
        var context = Request("/faq/x", "?q=1");
        context.Request.Headers.Cookie = $"{ThemePreference.CookieName}=light";

        var cut = Render<ThemeToggle>(p => p.AddCascadingValue<HttpContext>(context));

        var button = cut.Find("button");
        Assert.Equal(("theme", "dark"), (button.GetAttribute("name"), button.GetAttribute("value")));
        Assert.Equal("submit", button.GetAttribute("type"));
        Assert.Equal("/faq/x?q=1", cut.Find("input[name=returnUrl]").GetAttribute("value"));
        Assert.Equal("Switch to dark mode", button.GetAttribute("aria-label"));
    }

    [Fact]
    public void ReaderWhoHasNotChosenIsOfferedTheSchemeTheSystemDoesNotShow()
    {
        var cut = Render<ThemeToggle>(p => p.AddCascadingValue<HttpContext>(Request("/", "")));

        // app.css shows the first while the system is light, the second while it is dark.
        Assert.Equal("dark", cut.Find(".portal-when-system-light button").GetAttribute("value"));
        Assert.Equal("light", cut.Find(".portal-when-system-dark button").GetAttribute("value"));
        Assert.Equal(2, cut.FindAll("button[name=theme]").Count);
    }

    [Fact]
    public void DarkPageOffersLight()
    {
        var context = Request("/", "");
        context.Request.Headers.Cookie = $"{ThemePreference.CookieName}=dark";

        var cut = Render<ThemeToggle>(p => p.AddCascadingValue<HttpContext>(context));

        Assert.Equal("light", cut.Find("button[name=theme]").GetAttribute("value"));
        Assert.Single(cut.FindAll("button"));
        Assert.Equal("post", cut.Find("form").GetAttribute("method"));
        Assert.Equal("/theme", cut.Find("form").GetAttribute("action"));
    }

    private static DefaultHttpContext Request(string path, string query) =>
        new() { Request = { Path = path, QueryString = new QueryString(query) } };
}
