namespace Withings.Portal.Shell;

/// <summary>
/// Marks a page that contains interactive server components. The layout then renders the reconnect UI, and output
/// caching leaves the page alone. Pages without it are pure static HTML and open no circuit. A page whose islands depend
/// on the visitor (the playground and sample-data host the inbox's deliveries only once it is subscribed) derives from it and
/// answers per request.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public class HostsInteractiveIslandsAttribute : Attribute
{
    public static bool IsOn(HttpContext? context) =>
        context?.GetEndpoint()?.Metadata.GetMetadata<HostsInteractiveIslandsAttribute>() is { } page && page.HostsIslandsFor(context);

    /// <summary>Whether the page renders an island for this request; decided from the request alone, since the layout asks before the page renders.</summary>
    protected virtual bool HostsIslandsFor(HttpContext context) => true;
}
