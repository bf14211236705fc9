using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Withings.Portal.Content;

/// <summary>
/// One Markdown file split into its YAML front matter and its body. Every reader of <c>content/</c> (help pages,
/// the troubleshooter) starts here, so a front-matter mistake is reported the same way everywhere.
/// </summary>
public sealed class MarkdownFile
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly IDeserializer LenientYaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private MarkdownFile(string relativePath, string frontMatter, int frontMatterLine, string body, int bodyLine)
    {
        RelativePath = relativePath;
        FrontMatter = frontMatter;
        FrontMatterLine = frontMatterLine;
        Body = body;
        BodyLine = bodyLine;
    }

    /// <summary>Path under the content root with forward slashes, e.g. <c>faq/invalid-code.md</c>.</summary>
    public string RelativePath { get; }

    /// <summary>The YAML between the two <c>---</c> lines.</summary>
    public string FrontMatter { get; }

    /// <summary>1-based line of the first YAML line in the file.</summary>
    public int FrontMatterLine { get; }

    public string Body { get; }

    /// <summary>1-based line of the first body line in the file (to report Markdown problems by file line).</summary>
    public int BodyLine { get; }

    public static MarkdownFile Parse(string relativePath, string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        if (!normalized.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new ContentException(relativePath, 1, "the file must start with YAML front matter between two '---' lines.");
        }

        var end = normalized.IndexOf("\n---", 3, StringComparison.Ordinal);
        while (end >= 0 && end + 4 < normalized.Length && normalized[end + 4] is not ('\n' or '\r' or ' '))
        {
            end = normalized.IndexOf("\n---", end + 4, StringComparison.Ordinal);
        }
        if (end < 0)
        {
            throw new ContentException(relativePath, 1, "the front matter is not closed by a '---' line.");
        }

        var yaml = normalized[4..(end + 1)];
        var afterFence = normalized.IndexOf('\n', end + 1);
        var body = afterFence < 0 ? "" : normalized[(afterFence + 1)..];
        var bodyLine = 2 + yaml.Count(c => c == '\n') + 1;
        return new MarkdownFile(relativePath, yaml, 2, body, bodyLine);
    }

    /// <summary>Reads the front matter into <typeparamref name="T"/> (snake_case keys); unknown keys are errors.</summary>
    public T ReadFrontMatter<T>() where T : new() => ReadFrontMatter<T>(Yaml);

    /// <summary>
    /// Reads only the keys <typeparamref name="T"/> knows: for a reader that needs part of a file whose full
    /// schema belongs to another feature (which reads it strictly).
    /// </summary>
    public T ReadFrontMatterPart<T>() where T : new() => ReadFrontMatter<T>(LenientYaml);

    private T ReadFrontMatter<T>(IDeserializer yaml) where T : new()
    {
        try
        {
            return yaml.Deserialize<T>(FrontMatter) ?? new T();
        }
        catch (YamlException ex)
        {
            var line = FrontMatterLine + Math.Max(0, (int)ex.Start.Line - 1);
            var message = ex.InnerException?.Message ?? ex.Message;
            throw new ContentException(RelativePath, line, $"front matter: {message}");
        }
    }
}
