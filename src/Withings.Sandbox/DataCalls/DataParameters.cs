using System.Globalization;
using Withings.Sandbox.Wire;

namespace Withings.Sandbox.DataCalls;

/// <summary>
/// Reading and checking data-call parameters. A bad value is answered with status 503 "Invalid Params: …" naming the
/// parameter (simulated wording in the style of the captured errors; the real texts for these cases are not public).
/// </summary>
internal static class DataParameters
{
    public static bool TryUnix(WithingsRequest request, string name, out long? value, out IResult? error)
    {
        value = null;
        error = null;
        var text = request.Get(name);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) || parsed < 0)
        {
            error = WithingsReply.InvalidParams($"{name} must be a Unix timestamp in seconds, got \"{text}\"");
            return false;
        }
        value = parsed;
        return true;
    }

    public static bool TryYmd(WithingsRequest request, string name, out DateOnly? value, out IResult? error)
    {
        value = null;
        error = null;
        var text = request.Get(name);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            error = WithingsReply.InvalidParams($"{name} must be a date as YYYY-MM-DD, got \"{text}\"");
            return false;
        }
        value = parsed;
        return true;
    }

    public static bool TryInt(WithingsRequest request, string name, out int? value, out IResult? error)
    {
        value = null;
        error = null;
        var text = request.Get(name);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) || parsed < 0)
        {
            error = WithingsReply.InvalidParams($"{name} must be a non-negative integer, got \"{text}\"");
            return false;
        }
        value = parsed;
        return true;
    }

    /// <summary>Null when not sent; an error naming the unknown fields otherwise.</summary>
    public static bool TryDataFields(WithingsRequest request, IReadOnlyList<string> allowed, out IReadOnlyCollection<string>? fields, out IResult? error)
    {
        fields = null;
        error = null;
        var text = request.Get("data_fields");
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var asked = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var unknown = asked.Where(f => !allowed.Contains(f)).ToList();
        if (unknown.Count > 0)
        {
            error = WithingsReply.InvalidParams($"invalid data_fields: {string.Join(", ", unknown)} (this service knows {string.Join(", ", allowed)})");
            return false;
        }
        fields = asked;
        return true;
    }

    /// <summary>
    /// The day window of getactivity / getworkouts / getsummary: startdateymd and enddateymd together, or lastupdate.
    /// </summary>
    public static bool TryDayWindow(WithingsRequest request, out DateOnly? from, out DateOnly? to, out long? lastUpdate, out IResult? error)
    {
        from = to = null;
        lastUpdate = null;
        if (!TryYmd(request, "startdateymd", out from, out error) || !TryYmd(request, "enddateymd", out to, out error) ||
            !TryUnix(request, "lastupdate", out lastUpdate, out error))
        {
            return false;
        }
        if (lastUpdate is null && (from is null || to is null))
        {
            error = WithingsReply.InvalidParams("send startdateymd and enddateymd (YYYY-MM-DD), or lastupdate (Unix seconds)");
            return false;
        }
        if (from > to)
        {
            error = WithingsReply.InvalidParams($"startdateymd {from:yyyy-MM-dd} is after enddateymd {to:yyyy-MM-dd}");
            return false;
        }
        return true;
    }

    /// <summary>One page of a list; <c>offset</c> in the answer is where the next page starts, 0 when there is none.</summary>
    public static (List<T> Page, bool More, int NextOffset) Page<T>(IReadOnlyList<T> items, int? offset, int pageSize)
    {
        var start = Math.Min(offset ?? 0, items.Count);
        var page = items.Skip(start).Take(pageSize).ToList();
        var more = start + page.Count < items.Count;
        return (page, more, more ? start + page.Count : 0);
    }
}
