namespace Withings.Portal.Troubleshooting.Topics;

/// <summary>Topic Markdown: a body is required, the page renders the title (no H1), and no raw HTML.</summary>
internal static class BodyValidation
{
    public static void Check(string body, int bodyLine, Problems report)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            report.AtLine(bodyLine, "the Markdown body is empty.");
            return;
        }
        var offset = 0;
        CheckMarkdown(body, problem => report.AtLine(bodyLine + offset, problem), line => offset = line);
    }

    public static void CheckMarkdown(string markdown, Action<string> problem, Action<int>? onLine = null)
    {
        var fenced = false;
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            onLine?.Invoke(i);
            var line = lines[i].TrimStart();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }
            if (fenced)
            {
                continue;
            }
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                problem("no H1 in topic Markdown: the page renders the title.");
            }
            if (HasRawHtml(line))
            {
                problem("raw HTML is not allowed in topic Markdown.");
            }
        }
    }

    private static bool HasRawHtml(string line)
    {
        var inCode = false;
        for (var i = 0; i < line.Length - 1; i++)
        {
            if (line[i] == '`')
            {
                inCode = !inCode;
            }
            else if (!inCode && line[i] == '<' && (char.IsAsciiLetter(line[i + 1]) || line[i + 1] == '/'))
            {
                // Markdig autolinks (<https://…>) are not HTML.
                var rest = line.AsSpan(i + 1);
                if (!rest.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
