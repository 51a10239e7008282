using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace SmartSpot.Tests.Web.Components;

/// <summary>A bUnit context with MudBlazor's services, loose JS interop and a popover provider.</summary>
public abstract class MudTestContext : BunitContext
{
    /// <param name="services">More services the components under test need, added before anything renders.</param>
    protected MudTestContext(Action<IServiceCollection>? services = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        services?.Invoke(Services);
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Render<MudPopoverProvider>();
    }
}
