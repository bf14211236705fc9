namespace Withings.Portal.Troubleshooting.Checks;

/// <summary>One pass over the lines: the last timestamped callback line with <c>code=</c>, then the first timestamped exchange after it.</summary>
internal static class CodeAgeFinder
{
    private static readonly string[] ExchangeMarkers =
        ["requesttoken", "/v2/oauth2", "authorization_code", "invalid code", "exchang", "fetch_token", "access token"];

    public static double? Find(string text)
    {
        TimeSpan? redirect = null;
        var pos = 0;
        while (pos < text.Length)
        {
            var end = text.IndexOf('\n', pos);
            if (end < 0)
            {
                end = text.Length;
            }
            var line = text.AsSpan(pos, end - pos);
            pos = end + 1;

            var isRedirect = line.Contains("code=", StringComparison.OrdinalIgnoreCase)
                && !line.Contains("grant_type", StringComparison.OrdinalIgnoreCase)
                && (line.Contains("state=", StringComparison.OrdinalIgnoreCase) || line.Contains("callback", StringComparison.OrdinalIgnoreCase)
                    || line.Contains("redirect", StringComparison.OrdinalIgnoreCase) || line.Contains("GET /", StringComparison.Ordinal));
            if (isRedirect)
            {
                redirect = LogTimestamps.Parse(line) ?? redirect;
                continue;
            }
            if (redirect is null || !IsExchange(line) || LogTimestamps.Parse(line) is not { } exchange)
            {
                continue;
            }
            return LogTimestamps.SecondsBetween(redirect.Value, exchange);
        }
        return null;
    }

    private static bool IsExchange(ReadOnlySpan<char> line)
    {
        foreach (var marker in ExchangeMarkers)
        {
            if (line.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
