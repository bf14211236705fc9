namespace Withings.Portal.Components.Pages.Troubleshooting.Index;

/// <summary>How the topic categories of the front matter are named and ordered for readers (roughly the order of an integration).</summary>
public static class TopicCategories
{
    private static readonly (string Id, string Label)[] Known =
    [
        ("app-setup", "Setting up the partner app"),
        ("authorization", "Sending the user to authorize"),
        ("token", "Getting and refreshing tokens"),
        ("signing", "Signed requests"),
        ("data-calls", "Calling the data endpoints"),
        ("notifications", "Notifications"),
        ("connectivity", "Reaching Withings"),
    ];

    public static string Label(string category) =>
        Known.FirstOrDefault(k => k.Id == category).Label ?? category;

    public static int Order(string category)
    {
        var index = Array.FindIndex(Known, k => k.Id == category);
        return index < 0 ? Known.Length : index;
    }
}
