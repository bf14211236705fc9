using Withings.Portal.Content;

namespace Withings.Portal.Troubleshooting.Steps;

/// <summary>
/// <c>/troubleshoot/{topic}/{step}</c> for every step of every topic: content may link to a step (the link check
/// accepts exactly these), and the sitemap lists them. Read from the current topics, so an edit shows at once.
/// </summary>
public static class StepRoutes
{
    public static AppRouteSet For(TopicLibrary library) => new("troubleshooter steps",
        route => Parse(route) is { } parsed && library.Current.Catalog.Find(parsed.Topic)?.FindStep(parsed.Step) is not null,
        () => library.Current.Catalog.Topics.SelectMany(t => t.Steps.Select(s => t.StepUrl(s.Id))).ToList());

    private static (string Topic, string Step)? Parse(string route)
    {
        const string prefix = "/troubleshoot/";
        if (!route.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var parts = route[prefix.Length..].Split('/');
        return parts.Length == 2 ? (parts[0], parts[1]) : null;
    }
}
