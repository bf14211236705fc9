namespace Withings.Portal.Troubleshooting.Checks;

/// <summary>
/// The time of day at the start of a log line: <c>2024-05-02 10:15:03,120</c> (Python logging), <c>…T10:15:03.120Z</c>
/// (ISO, JS), <c>[10:15:03.120]</c>, Home Assistant's <c>2024-05-02 10:15:03.120 ERROR …</c>. Only the first
/// 48 characters are looked at, so the scan is bounded per line.
/// </summary>
public static class LogTimestamps
{
    private const int Prefix = 48;

    /// <summary>
    /// Seconds from one time of day to a later one. The times carry no date, so a difference of more than 12 hours
    /// backwards is read as the second time falling after midnight (23:59:50 to 00:00:20 is 30 s); a small negative
    /// difference stays negative: the two times are in the wrong order.
    /// </summary>
    public static double SecondsBetween(TimeSpan earlier, TimeSpan later)
    {
        var seconds = (later - earlier).TotalSeconds;
        return seconds < -12 * 3600 ? seconds + 24 * 3600 : seconds;
    }

    public static TimeSpan? Parse(ReadOnlySpan<char> line)
    {
        var head = line.Length > Prefix ? line[..Prefix] : line;
        for (var i = 0; i + 7 < head.Length; i++)
        {
            if (!char.IsAsciiDigit(head[i]) || (i > 0 && char.IsAsciiDigit(head[i - 1])))
            {
                continue;
            }
            var hourDigits = char.IsAsciiDigit(head[i + 1]) ? 2 : 1;
            var p = i + hourDigits;
            if (p + 5 >= head.Length + 0 || head[p] != ':' || !TwoDigits(head, p + 1) || p + 3 >= head.Length || head[p + 3] != ':' || !TwoDigits(head, p + 4))
            {
                continue;
            }
            var hours = int.Parse(head[i..p]);
            var minutes = int.Parse(head.Slice(p + 1, 2));
            var seconds = int.Parse(head.Slice(p + 4, 2));
            if (hours > 23 || minutes > 59 || seconds > 60)
            {
                continue;
            }
            var time = new TimeSpan(hours, minutes, seconds);
            var f = p + 6;
            if (f < line.Length && line[f] is '.' or ',')
            {
                var digits = 0;
                var fraction = 0.0;
                var scale = 0.1;
                for (var k = f + 1; k < line.Length && digits < 7 && char.IsAsciiDigit(line[k]); k++, digits++, scale /= 10)
                {
                    fraction += (line[k] - '0') * scale;
                }
                time += TimeSpan.FromSeconds(fraction);
            }
            return time;
        }
        return null;
    }

    private static bool TwoDigits(ReadOnlySpan<char> s, int at) =>
        at + 1 < s.Length && char.IsAsciiDigit(s[at]) && char.IsAsciiDigit(s[at + 1]);
}
