using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Withings.Portal.Components.Layout;

/// <summary>
/// The dark palette for a reader who has not chosen a theme, in a style sheet the browser applies only while the
/// operating system asks for dark (<c>prefers-color-scheme</c>); the layout's own <see cref="MudThemeProvider"/>
/// writes the light one. Built by MudBlazor's own generator (it derives the hover, darken and lighten shades), so the
/// colours are exactly those of the dark mode chosen with the toggle. Render it with <c>IsDarkMode="true"</c>.
/// </summary>
public sealed class SystemDarkPalette : MudThemeProvider
{
    public const string MediaQuery = "(prefers-color-scheme: dark)";

    private static readonly ConditionalWeakTable<MudTheme, string> PaletteCssByTheme = [];

    protected override void BuildRenderTree(RenderTreeBuilder __builder)
    {
        __builder.OpenElement(0, "style");
        __builder.AddAttribute(1, "media", MediaQuery);
        __builder.AddMarkupContent(2, PaletteCssByTheme.GetValue(GetTheme(), _ => PaletteOnly(BuildTheme())));
        __builder.CloseElement();
    }

    /// <summary>
    /// Only the colours: the typography, layout and z-index variables are the same in both modes and already on the
    /// page.
    /// </summary>
    private static string PaletteOnly(string themeCss)
    {
        var colours = themeCss.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("--mud-palette-", StringComparison.Ordinal));
        return $":root{{{string.Join("", colours)}}}";
    }
}
