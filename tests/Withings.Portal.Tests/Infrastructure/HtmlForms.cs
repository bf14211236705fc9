namespace Withings.Portal.Tests.Infrastructure;

public static class HtmlForms
{
    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>The "name=value" part of each Set-Cookie header, ready for a Cookie request header.</summary>
    public static string CookiesFrom(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0])
            : []);
}
