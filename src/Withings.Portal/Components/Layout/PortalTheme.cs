using MudBlazor;

namespace Withings.Portal.Components.Layout;

/// <summary>The portal's colours: checked for WCAG AA contrast (axe runs on every page in both modes).</summary>
public static class PortalTheme
{
    public static MudTheme Instance { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5cad",
            Secondary = "#6a3fb5",
            AppbarBackground = "#0b3d6e",
            AppbarText = "#ffffff",
            Background = "#fafbfc",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1b1f24",
            TextSecondary = "#4a5360",
            // MudBlazor's #f44336 is 3.7:1 on white: too light for error text (support forms, the status-code lookup).
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab8ff",
            PrimaryContrastText = "#0b1b2e",
            Secondary = "#c5a6ff",
            SecondaryContrastText = "#1d0f33",
            AppbarBackground = "#10161f",
            AppbarText = "#e8edf3",
            Background = "#161b22",
            Surface = "#1f262f",
            DrawerBackground = "#161b22",
            TextPrimary = "#e8edf3",
            TextSecondary = "#b3bcc8",
            // MudBlazor's #f64e62 is 4.5:1 on the dark surface at best; this one is 6.7:1.
            Error = "#ff8a80",
            ErrorContrastText = "#2b0b08",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
