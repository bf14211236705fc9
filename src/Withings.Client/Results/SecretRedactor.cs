using System.Text.Json;

namespace Withings.Client;

/// <summary>
/// Replaces the secrets of one exchange by labelled placeholders. Secrets are collected by parameter name from the
/// request and by field name from the response, then every occurrence of their values (raw or URL-encoded) is
/// replaced wherever it appears: URL, headers, form body, JSON body. Public so that callers who send requests of their
/// own (the portal replays troubleshooter calls against the sandbox) redact them exactly as the client does.
/// </summary>
public sealed class SecretRedactor
{
    private static readonly Dictionary<string, string> LabelByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["client_secret"] = "<client_secret>",
        ["access_token"] = "<access_token>",
        ["refresh_token"] = "<refresh_token>",
        ["code"] = "<code>",
        ["signature"] = "<signature>",
        ["nonce"] = "<nonce>",
        // Handed out with the tokens (OAS and some captures): bound to the session, so kept out of pages too.
        ["csrf_token"] = "<csrf_token>",
    };

    private readonly Dictionary<string, string> labelByValue = new(StringComparer.Ordinal);

    public static bool IsSecretName(string name) => LabelByName.ContainsKey(name);

    public void Add(string? value, string label)
    {
        // Very short values would blank out unrelated text; real secrets are long random strings.
        if (!string.IsNullOrEmpty(value) && value.Length >= 4)
        {
            labelByValue[value] = label;
        }
    }

    public void AddParameters(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            if (LabelByName.TryGetValue(name, out var label))
            {
                Add(value, label);
            }
        }
    }

    /// <summary>Learns the secrets a JSON response hands out (tokens, nonces) so they are hidden in its body.</summary>
    public void AddResponseSecrets(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            Collect(document.RootElement, depth: 0);
        }
        catch (JsonException)
        {
            // A malformed body has no fields to learn from; known request secrets are still replaced.
        }
    }

    public string Redact(string text)
    {
        foreach (var (value, label) in labelByValue.OrderByDescending(pair => pair.Key.Length))
        {
            text = text.Replace(value, label, StringComparison.Ordinal);
            var escaped = Uri.EscapeDataString(value);
            if (escaped != value)
            {
                text = text.Replace(escaped, label, StringComparison.Ordinal);
            }
        }
        return text;
    }

    private void Collect(JsonElement element, int depth)
    {
        if (depth > 4)
        {
            return;
        }
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String && LabelByName.TryGetValue(property.Name, out var label))
                {
                    Add(property.Value.GetString(), label);
                }
                else
                {
                    Collect(property.Value, depth + 1);
                }
            }
        }
    }
}
