using System.Globalization;
using Withings.Client;

namespace Withings.Portal.Playground;

/// <summary>
/// The data-call form as posted: every field as the visitor typed it (so that a field with a mistake comes back exactly
/// as typed), read into a <see cref="DataCallInput"/> with a clear message per field that does not read. A field the
/// chosen call does not take is ignored, whatever it holds.
/// </summary>
public sealed record DataCallForm
{
    public string? CallId { get; init; }
    public IReadOnlyList<string> MeasureTypes { get; init; } = [];
    public string? Category { get; init; }
    public string? StartDate { get; init; }
    public string? EndDate { get; init; }
    public string? LastUpdate { get; init; }
    public string? Offset { get; init; }
    public IReadOnlyList<string> DataFields { get; init; } = [];
    public string? SignalId { get; init; }
    public string? CallbackUrl { get; init; }
    public string? Appli { get; init; }

    /// <summary>The form of a first visit: the defaults of <see cref="DataCallInput"/> (getmeas, weight, real measures).</summary>
    public static DataCallForm Initial { get; } = From(new DataCallInput());

    /// <summary>The call the form is about; an unknown id (a forged post) falls back to the first call.</summary>
    public DataCall Call => DataCalls.All.FirstOrDefault(call => call.Id == CallId) ?? DataCalls.All[0];

    public bool Takes(DataCallParameters parameter) => Call.Parameters.HasFlag(parameter);

    /// <summary>
    /// The same form for another call: what both calls take is kept, the paging and the call-specific data_fields are not.
    /// A call that needs dates and has neither gets a window ending <paramref name="today"/>: the last 7 days, or the last
    /// night for the sleep stages, so that its first try answers.
    /// </summary>
    public DataCallForm For(string callId, DateOnly today)
    {
        var other = this with { CallId = callId, Offset = null, DataFields = [] };
        if (other.MissingDates() && string.IsNullOrWhiteSpace(StartDate) && string.IsNullOrWhiteSpace(EndDate))
        {
            var days = other.Call.Id == DataCalls.SleepGet ? 1 : 7;
            other = other with { StartDate = Day(today.AddDays(-days)), EndDate = Day(today) };
        }
        return other;
    }

    public (DataCallInput Input, IReadOnlyList<string> Problems) Read()
    {
        var problems = new List<string>();
        var call = Call;
        var input = new DataCallInput { CallId = call.Id };
        if (Takes(DataCallParameters.MeasureTypes))
        {
            input.MeasureTypes = [.. MeasureTypes.Select(Number).OfType<long>().Select(id => (int)id).Where(id => Withings.Client.MeasureTypes.Find(id) is not null).Distinct()];
        }
        if (Takes(DataCallParameters.Category))
        {
            input.Category = Category switch
            {
                "1" => 1,
                "2" => 2,
                _ => null,
            };
        }
        if (Takes(DataCallParameters.Dates) || Takes(DataCallParameters.Days))
        {
            input.StartDate = Date(StartDate, Takes(DataCallParameters.Days) ? "startdateymd" : "startdate", problems);
            input.EndDate = Date(EndDate, Takes(DataCallParameters.Days) ? "enddateymd" : "enddate", problems);
            if (input.StartDate > input.EndDate)
            {
                problems.Add("The start is after the end: swap them, or clear one.");
            }
        }
        if (Takes(DataCallParameters.LastUpdate))
        {
            input.LastUpdate = Date(LastUpdate, "lastupdate", problems);
        }
        if (Takes(DataCallParameters.Offset))
        {
            input.Offset = (int?)WholeNumber(Offset, "offset", 0, int.MaxValue, problems);
        }
        if (Takes(DataCallParameters.DataFields) && DataCalls.DataFieldChoices.TryGetValue(call.Id, out var choices))
        {
            input.DataFields = [.. choices.Where(DataFields.Contains)];
        }
        if (Takes(DataCallParameters.SignalId))
        {
            input.SignalId = WholeNumber(SignalId, "signalid", 0, long.MaxValue, problems);
        }
        if (Takes(DataCallParameters.Callback))
        {
            input.CallbackUrl = string.IsNullOrWhiteSpace(CallbackUrl) ? null : CallbackUrl.Trim();
            if (Appli is not null && (Number(Appli) is not { } appli || !NotifyAppli.Names.ContainsKey((int)appli)))
            {
                problems.Add("appli: choose a category from the list.");
            }
            else if (Appli is not null)
            {
                input.Appli = int.Parse(Appli, CultureInfo.InvariantCulture);
            }
        }
        problems.AddRange(MissingRequired());
        return (input, problems);
    }

    /// <summary>
    /// What the chosen call cannot go without (Withings refuses it with status 503, "Invalid Params"), said before anything
    /// is sent. Only fields left blank count: one typed wrong has its own message already.
    /// </summary>
    private IEnumerable<string> MissingRequired()
    {
        if (MissingDates())
        {
            yield return Takes(DataCallParameters.Days)
                ? $"{Call.Action} needs a range of days: give a start and an end day (startdateymd, enddateymd), or lastupdate."
                : $"{Call.Action} needs a start and an end (startdate, enddate).";
        }
        if (Takes(DataCallParameters.SignalId) && string.IsNullOrWhiteSpace(SignalId))
        {
            yield return "signalid: enter the id of an ECG recording (“ECG recordings” lists them).";
        }
        if (Takes(DataCallParameters.Callback) && string.IsNullOrWhiteSpace(CallbackUrl))
        {
            yield return $"callbackurl: enter the callback URL {(Call.Id == DataCalls.NotifySubscribe ? "to subscribe" : "of the subscription")}.";
        }
    }

    /// <summary>Whether the call needs dates (a day window, or the sleep stages' start and end) and the form has none.</summary>
    private bool MissingDates() =>
        Takes(DataCallParameters.Days)
            ? string.IsNullOrWhiteSpace(LastUpdate) && (string.IsNullOrWhiteSpace(StartDate) || string.IsNullOrWhiteSpace(EndDate))
            : Call.Id == DataCalls.SleepGet && (string.IsNullOrWhiteSpace(StartDate) || string.IsNullOrWhiteSpace(EndDate));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DataCallForm From(DataCallInput input) => new()
    {
        CallId = input.CallId,
        MeasureTypes = [.. input.MeasureTypes.Select(id => id.ToString(CultureInfo.InvariantCulture))],
        Category = input.Category?.ToString(CultureInfo.InvariantCulture),
        Appli = input.Appli.ToString(CultureInfo.InvariantCulture),
    };

    private static long? Number(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static long? WholeNumber(string? text, string name, long min, long max, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        problems.Add($"{name}: enter a whole number, {min} or more (it reads “{Shorten(text.Trim())}”).");
        return null;
    }

    /// <summary>A day as the date field posts it (yyyy-MM-dd), taken as UTC midnight like the picker did.</summary>
    private static DateTime? Date(string? text, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        problems.Add($"{name}: enter a date as year-month-day, e.g. 2026-01-31 (it reads “{Shorten(text.Trim())}”).");
        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
