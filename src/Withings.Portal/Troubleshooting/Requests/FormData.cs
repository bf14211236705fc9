using System.Text.Json;

namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>Reads <c>a=1&amp;b=2</c> and flat JSON objects into name/value pairs, never throwing on malformed input.</summary>
internal static class FormData
{
    public static List<KeyValuePair<string, string>> ParseUrlEncoded(ReadOnlySpan<char> text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var range in text.Split('&'))
        {
            var part = text[range].Trim();
            if (part.IsEmpty)
            {
                continue;
            }
            var eq = part.IndexOf('=');
            var name = Decode(eq < 0 ? part : part[..eq]);
            var value = eq < 0 ? "" : Decode(part[(eq + 1)..]);
            if (name.Length is > 0 and <= 64)
            {
                pairs.Add(new(name, value));
            }
        }
        return pairs;
    }

    public static List<KeyValuePair<string, string>> ParseJsonObject(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in json.RootElement.EnumerateObject())
                {
                    pairs.Add(new(property.Name, property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString() ?? ""
                        : property.Value.GetRawText()));
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: the caller keeps what it knows without the pairs.
        }
        return pairs;
    }

    private static string Decode(ReadOnlySpan<char> part)
    {
        var s = part.ToString().Replace('+', ' ');
        try
        {
            return Uri.UnescapeDataString(s);
        }
        catch (UriFormatException)
        {
            return s;
        }
    }
}
