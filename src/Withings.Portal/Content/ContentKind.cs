namespace Withings.Portal.Content;

/// <summary>The four kinds of content: each is a folder under the content root and a URL segment.</summary>
public enum ContentKind
{
    Faq,
    Troubleshoot,
    Glossary,
    Guide,
}

public static class ContentKinds
{
    public static IReadOnlyList<ContentKind> All { get; } = Enum.GetValues<ContentKind>();

    /// <summary>Folder under the content root, which is also the first URL segment.</summary>
    public static string Folder(this ContentKind kind) => kind switch
    {
        ContentKind.Faq => "faq",
        ContentKind.Troubleshoot => "troubleshoot",
        ContentKind.Glossary => "glossary",
        ContentKind.Guide => "guides",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Route(this ContentKind kind, string slug) => $"/{kind.Folder()}/{slug}";

    /// <summary>How the kind is named to readers (search results, related pages).</summary>
    public static string Label(this ContentKind kind) => kind switch
    {
        ContentKind.Faq => "FAQ",
        ContentKind.Troubleshoot => "Troubleshooter",
        ContentKind.Glossary => "Glossary",
        ContentKind.Guide => "Guide",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static ContentKind? FromFolder(string folder) =>
        All.Cast<ContentKind?>().FirstOrDefault(k => k!.Value.Folder() == folder);
}
