namespace Withings.Portal.Shell;

/// <summary>
/// Marks a page that contains interactive server components. The layout then renders MudBlazor's
/// popover/dialog/snackbar providers (once, interactively) and the reconnect UI, and output caching leaves
/// the page alone. Pages without it are pure static HTML and open no circuit.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class HostsInteractiveIslandsAttribute : Attribute
{
    public static bool IsOn(HttpContext? context) =>
        context?.GetEndpoint()?.Metadata.GetMetadata<HostsInteractiveIslandsAttribute>() is not null;
}
