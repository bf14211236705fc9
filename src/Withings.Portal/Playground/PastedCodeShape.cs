namespace Withings.Portal.Playground;

/// <summary>
/// What a pasted authorization code looked like, said without showing it: after "invalid code" the visitor needs to know
/// whether they pasted the code, or more or less than it (a whole callback URL, the <c>&amp;state=</c> after it, quotes,
/// a space), and a code is a secret whatever became of it, so it never comes back into the page.
/// </summary>
public static class PastedCodeShape
{
    public static string Describe(string pasted)
    {
        var problems = new List<string>();
        if (pasted.Contains("code=", StringComparison.OrdinalIgnoreCase) || pasted.Contains("://", StringComparison.Ordinal))
        {
            problems.Add("it holds more than the code (a URL or \"code=\"): paste only the value after code=, up to the next &");
        }
        else if (pasted.Contains('&') || pasted.Contains("state=", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("it runs on past the code into the next parameter (&…): stop before the &");
        }
        if (pasted.IndexOfAny(['"', '\'', '<', '>']) >= 0)
        {
            problems.Add("it holds quotes or angle brackets");
        }
        if (pasted.Trim().Any(char.IsWhiteSpace))
        {
            problems.Add("it holds spaces or a line break inside");
        }
        var length = pasted.Trim().Length;
        var size = $"What you pasted has {length} character{(length == 1 ? "" : "s")}";
        return problems.Count > 0
            ? $"{size}, and {string.Join("; ", problems)}."
            : $"{size}, letters, digits and dashes only, so it looks like a whole code: most likely it was older than 30 seconds or already exchanged. It is not shown again: a code stays a secret.";
    }
}
