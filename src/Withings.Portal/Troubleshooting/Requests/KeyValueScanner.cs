namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>
/// Finds <c>key=value</c>, <c>"key": "value"</c>, <c>'key': 'value'</c>, <c>key: 'value'</c> and
/// <c>{"key", "value"}</c> for a known key in code, dict reprs and logs. Linear: each hit reads at most a short value.
/// </summary>
public static class KeyValueScanner
{
    public const int MaxValueLength = 512;

    public static IEnumerable<string> Values(string text, string key, int maxHits = 8)
    {
        var from = 0;
        var hits = 0;
        while (hits < maxHits && from < text.Length)
        {
            var at = text.IndexOf(key, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                yield break;
            }
            from = at + key.Length;
            if (at > 0 && (char.IsAsciiLetterOrDigit(text[at - 1]) || text[at - 1] == '_'))
            {
                continue;
            }
            var value = ReadValue(text, from);
            if (value is not null)
            {
                hits++;
                yield return value;
            }
        }
    }

    public static string? First(string text, string key) => Values(text, key, 1).FirstOrDefault();

    private static string? ReadValue(string text, int i)
    {
        // Closing quote of the key, then a separator: = or :, or a comma between two quoted strings
        // (C# initializer {"key", "value"}); a bare comma is a list ("client_id,action,timestamp"), not a pair.
        var keyQuoted = i < text.Length && text[i] is '"' or '\'';
        if (keyQuoted)
        {
            i++;
        }
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }
        if (i >= text.Length || text[i] is not ('=' or ':' or ','))
        {
            return null;
        }
        var comma = text[i] == ',';
        i++;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }
        if (i >= text.Length || (comma && !(keyQuoted && text[i] is '"' or '\'')))
        {
            return null;
        }
        var quote = text[i] is '"' or '\'' ? text[i] : '\0';
        var start = quote == '\0' ? i : i + 1;
        var end = start;
        var limit = Math.Min(text.Length, start + MaxValueLength);
        while (end < limit && (quote != '\0' ? text[end] != quote : !IsBareStop(text[end])))
        {
            end++;
        }
        return end > start ? text[start..end] : null;
    }

    private static bool IsBareStop(char c) => char.IsWhiteSpace(c) || c is '&' or ',' or ')' or '}' or ']' or ';' or '"' or '\'' or '>';
}
