namespace Withings.Portal.Content;

/// <summary>Where the Markdown content lives (section <c>Content</c>).</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>
    /// Folder holding <c>faq/</c>, <c>troubleshoot/</c>, <c>glossary/</c> and <c>guides/</c>. Empty means: the
    /// repository's <c>content/</c> when running from a checkout (so editing a file there shows on the next request),
    /// else the copy published next to the app.
    /// </summary>
    public string Root { get; set; } = "";

    public string ResolveRoot(string contentRootPath)
    {
        if (!string.IsNullOrWhiteSpace(Root))
        {
            return Path.GetFullPath(Root, contentRootPath);
        }

        var checkout = Path.GetFullPath(Path.Combine(contentRootPath, "..", "..", "content"));
        return Directory.Exists(checkout) ? checkout : Path.Combine(AppContext.BaseDirectory, "content");
    }
}
