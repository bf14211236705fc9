using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Withings.Client;

namespace Withings.Portal.Playground;

/// <summary>The same redacted request in other clients' words (curl is <see cref="HttpExchange.ToCurl"/>).</summary>
public static class Snippets
{
    /// <summary>Python <c>requests</c>: the form fields as a dict, the bearer token as a header; placeholders stay visible.</summary>
    public static string Python(HttpExchange exchange)
    {
        var code = new StringBuilder("import requests\n\n");
        var headers = exchange.RequestHeaders.Where(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).ToList();
        var fields = exchange.RequestBody is { Length: > 0 } body ? QueryHelpers.ParseQuery("?" + body) : [];
        code.Append("response = requests.").Append(exchange.Method.ToLowerInvariant()).Append("(\n    ").Append(Quote(exchange.Url)).Append(",\n");
        if (headers.Count > 0)
        {
            code.Append("    headers={").Append(string.Join(", ", headers.Select(h => $"{Quote(h.Key)}: {Quote(h.Value)}"))).Append("},\n");
        }
        if (fields.Count > 0)
        {
            code.Append("    data={\n");
            foreach (var (name, value) in fields)
            {
                code.Append("        ").Append(Quote(name)).Append(": ").Append(Quote(value.ToString())).Append(",\n");
            }
            code.Append("    },\n");
        }
        code.Append("    timeout=20,\n)\n");
        code.Append("answer = response.json()  # Withings answers HTTP 200; the outcome is answer[\"status\"] (0 = success)\n");
        return code.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
