using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Withings.Client;

namespace Withings.Portal.Troubleshooting.Reproduce;

/// <summary>An exchange as a reader sees it: the request as on the wire, the answer with JSON indented and HTML named.</summary>
public static class ExchangeText
{
    public const int MaxBodyShown = 4000;

    private static readonly JsonSerializerOptions IndentedJson = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>"HTTP 200, status 503": the HTTP status, and Withings' own when the answer has one.</summary>
    public static string Status(HttpExchange exchange)
    {
        var http = exchange.ResponseStatusCode is { } code ? $"HTTP {code}" : "no answer";
        return Expectations.BodyStatus(exchange.ResponseBody) is { } status ? $"{http}, status {status}" : http;
    }

    public static string Request(HttpExchange exchange)
    {
        var lines = new List<string> { $"{exchange.Method} {exchange.Url}" };
        lines.AddRange(exchange.RequestHeaders.Select(h => $"{h.Key}: {h.Value}"));
        if (exchange.RequestBody is { Length: > 0 } body)
        {
            lines.Add("");
            lines.Add(body);
        }
        return string.Join('\n', lines);
    }

    /// <summary>The headers that matter to a reader, then the body: JSON indented, an HTML page by its title.</summary>
    public static string Response(HttpExchange exchange)
    {
        var lines = exchange.ResponseHeaders
            .Where(h => h.Key is "Content-Type" or "Location" or "Retry-After")
            .Select(h => $"{h.Key}: {h.Value}").ToList();
        lines.Add("");
        lines.Add(HtmlTitle(exchange) is { } title
            ? $"(an HTML page, “{title}”, {exchange.ResponseBody!.Length} characters: see its source below)"
            : Shorten(Indented(exchange.ResponseBody ?? "")));
        return string.Join('\n', lines);
    }

    public static string Shorten(string body) =>
        body.Length <= MaxBodyShown ? body : $"{body[..MaxBodyShown]}\n… ({body.Length - MaxBodyShown} more characters)";

    /// <summary>The title of an HTML answer (a consent page, an error page), which says more than its source; null for other answers.</summary>
    public static string? HtmlTitle(HttpExchange exchange)
    {
        var body = exchange.ResponseBody;
        var isHtml = exchange.ResponseHeaders.Any(h => h.Key == "Content-Type" && h.Value.StartsWith("text/html", StringComparison.OrdinalIgnoreCase));
        if (!isHtml || body is null)
        {
            return null;
        }
        var start = body.IndexOf("<title>", StringComparison.OrdinalIgnoreCase);
        var end = start < 0 ? -1 : body.IndexOf("</title>", start, StringComparison.OrdinalIgnoreCase);
        return end < 0 ? "untitled" : WebUtility.HtmlDecode(body[(start + 7)..end]).Trim();
    }

    /// <summary>JSON indented for reading; the values are as received (placeholders are strings too).</summary>
    private static string Indented(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return body;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            return JsonSerializer.Serialize(document.RootElement, IndentedJson);
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
