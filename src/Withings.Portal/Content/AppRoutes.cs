namespace Withings.Portal.Content;

/// <summary>
/// Routes outside <c>content/</c> that content may link to (index pages, <c>/errors/{code}</c>, troubleshooter
/// steps…). Each feature registers the routes it serves, so a link to a page nobody serves fails the content tests.
/// </summary>
/// <param name="List">The routes to list in the sitemap.</param>
public sealed record AppRouteSet(string Name, Func<string, bool> Contains, Func<IEnumerable<string>> List)
{
    public static AppRouteSet Fixed(string name, params string[] routes) =>
        new(name, routes.Contains, () => routes);
}

public sealed class AppRoutes(IEnumerable<AppRouteSet> sets)
{
    private readonly AppRouteSet[] sets = sets.ToArray();

    public bool Contains(string route) => sets.Any(set => set.Contains(route));

    public IEnumerable<string> All => sets.SelectMany(set => set.List());
}
