namespace Withings.Portal.Content;

/// <summary>The one reader of the content folder: lists a kind's Markdown files and splits each into front matter and body.</summary>
public static class ContentFiles
{
    /// <summary>
    /// The files of <paramref name="kind"/> under <paramref name="root"/>, in file-name order. A file without front matter
    /// is left out and reported in <paramref name="problems"/>.
    /// </summary>
    public static List<MarkdownFile> Read(string root, ContentKind kind, List<ContentException> problems)
    {
        var files = new List<MarkdownFile>();
        var folder = Path.Combine(root, kind.Folder());
        if (!Directory.Exists(folder))
        {
            return files;
        }
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            try
            {
                files.Add(MarkdownFile.Parse($"{kind.Folder()}/{Path.GetFileName(path)}", File.ReadAllText(path)));
            }
            catch (ContentException problem)
            {
                problems.Add(problem);
            }
            catch (Exception gone) when (gone is FileNotFoundException or DirectoryNotFoundException)
            {
                // Listed, then deleted or renamed before it was read (an editor saving by rename, a deploy replacing the
                // folder): it is no longer content, and the change that removed it triggers another reload.
            }
        }
        return files;
    }
}
