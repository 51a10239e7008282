using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace SmartSpot.Tests.Web.Components;

/// <summary>A bUnit context with MudBlazor's services, loose JS interop and a popover provider.</summary>
public abstract class MudTestContext : BunitContext
{
    /// <param name="setUp">Services (and authorization) the component under test needs, added before the popover provider resolves any.</param>
    protected MudTestContext(Action<BunitContext>? setUp = null)
    {
        setUp?.Invoke(this);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Render<MudPopoverProvider>();
    }
}
