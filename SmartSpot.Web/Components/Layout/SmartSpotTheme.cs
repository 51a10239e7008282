using MudBlazor;

namespace SmartSpot.Web.Components.Layout;

/// <summary>The app's MudBlazor theme: dark app bar, green for free spots, red for occupied ones.</summary>
public static class SmartSpotTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#455a64",
            Success = "#2e7d32",
            Error = "#c62828",
            Warning = "#ef6c00",
            Info = "#0277bd",
            AppbarBackground = "#1b232d",
            AppbarText = "#ffffff",
            Background = "#f3f5f7",
            Surface = "#ffffff",
            TextPrimary = "#1b232d",
            TextSecondary = "#5b6673",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "8px",
            AppbarHeight = "56px",
        },
    };
}
