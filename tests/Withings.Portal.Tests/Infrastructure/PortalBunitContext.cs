using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Withings.Portal.Tests.Infrastructure;

/// <summary>bUnit with MudBlazor ready: loose JS interop, no transitions, no popover-provider check.</summary>
public abstract class PortalBunitContext : BunitContext
{
    protected PortalBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
    }
}
