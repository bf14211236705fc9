using System.Text.RegularExpressions;

namespace Withings.Portal.Tests.Infrastructure;

public static partial class HtmlForms
{
    /// <summary>The value of the page's antiforgery hidden input (the first form's), or "" when it has none.</summary>
    public static string AntiforgeryTokenIn(string html) =>
        TokenInput().Match(html) is { Success: true } match ? match.Groups["value"].Value : "";

    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>The "name=value" part of each Set-Cookie header, ready for a Cookie request header.</summary>
    public static string CookiesFrom(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0])
            : []);

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)"|<input[^>]*value="(?<value>[^"]+)"[^>]*name="__RequestVerificationToken"[^>]*>""")]
    private static partial Regex TokenInput();
}
