using Microsoft.AspNetCore.Components;
using System.Reflection;
using Microsoft.AspNetCore.OutputCaching;

namespace Withings.Portal.Shell;

/// <summary>
/// Declares on each help page's endpoint that it renders no interactive component, as the endpoint of an app without
/// interactive render modes would. Blazor then leaves out what only interactive components use: the component state it
/// appends to every server-rendered page and the antiforgery token it mints for that state, both encrypted with the Data
/// Protection key ring. A help page keeps working while that ring cannot be read (it lives in the database, which is
/// still being prepared when the first reader arrives after a deployment), saves the encryption on each rendering, and
/// fails loudly if an island is ever put on it (help pages open no circuit).
/// </summary>
/// <remarks>
/// The declaration is the framework's own endpoint metadata, which it adds with the render modes mapped in
/// <c>MapRazorComponents</c> (one list for all pages) and reads per endpoint; its type is not public, so it is made here
/// by reflection, checked once at start-up. <c>DatabaseReadyGateTests</c> and <c>HelpPageCachingTests</c> fail if a
/// framework update changes what it does.
/// </remarks>
public static class StaticHelpPageEndpoints
{
    private const string MetadataTypeName = "Microsoft.AspNetCore.Components.Endpoints.ConfiguredRenderModesMetadata";

    public static RazorComponentsEndpointConventionBuilder DeclareHelpPagesStatic(this RazorComponentsEndpointConventionBuilder pages)
    {
        var noInteractiveRenderMode = NoInteractiveRenderMode();
        pages.Add(endpoint =>
        {
            if (IsHelpPage(endpoint.Metadata))
            {
                // Added after the framework's own list: endpoint metadata is read last-wins.
                endpoint.Metadata.Add(noInteractiveRenderMode);
            }
        });
        return pages;
    }

    private static bool IsHelpPage(IList<object> metadata) =>
        metadata.OfType<OutputCacheAttribute>().LastOrDefault() is { PolicyName: HelpPageCachePolicy.Name } &&
        !metadata.OfType<HostsInteractiveIslandsAttribute>().Any();

    private static object NoInteractiveRenderMode()
    {
        var type = typeof(RazorComponentsEndpointConventionBuilder).Assembly.GetType(MetadataTypeName);
        var constructor = type?.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, [typeof(IComponentRenderMode[])]);
        return constructor?.Invoke([Array.Empty<IComponentRenderMode>()])
            ?? throw new InvalidOperationException(
                $"This version of ASP.NET Core has no {MetadataTypeName}(IComponentRenderMode[]); see {nameof(StaticHelpPageEndpoints)}.");
    }
}
