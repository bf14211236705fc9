using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace Withings.Portal.Components.Layout;

/// <summary>The portal's sections, in menu order; the drawer and the small-screen menu both list these.</summary>
public static class NavItems
{
    public sealed record NavItem(string Title, string Href, string Icon)
    {
        /// <summary>When the item is the current page: home only on itself, a section on any page under it.</summary>
        public NavLinkMatch Match => Href == "/" ? NavLinkMatch.All : NavLinkMatch.Prefix;
    }

    public static IReadOnlyList<NavItem> All { get; } =
    [
        new("Home", "/", Icons.Material.Filled.Home),
        new("Troubleshooter", "/troubleshoot", Icons.Material.Filled.BugReport),
        new("Playground", "/playground", Icons.Material.Filled.PlayCircle),
        new("Sample data", "/sample-data", Icons.Material.Filled.Checklist),
        new("FAQ", "/faq", Icons.Material.Filled.QuestionAnswer),
        new("Guides", "/guides", Icons.Material.Filled.MenuBook),
        new("Glossary", "/glossary", Icons.Material.Filled.Translate),
        new("Status codes", "/errors", Icons.Material.Filled.Numbers),
        new("Search", "/search", Icons.Material.Filled.Search),
    ];
}
