namespace Withings.Portal.Playground;

/// <summary>The parameters a visitor fills in for one data call; each call reads the ones it takes.</summary>
public sealed class DataCallInput
{
    public string CallId { get; set; } = DataCalls.GetMeas;

    /// <summary>getmeas meastype(s), by id; the page offers them by name.</summary>
    public IReadOnlyCollection<int> MeasureTypes { get; set; } = [Withings.Client.MeasureTypes.Weight];

    /// <summary>getmeas category: 1 real measures, 2 user objectives.</summary>
    public int? Category { get; set; } = 1;

    public DateTime? StartDate { get; set; }

    public DateTime? EndDate { get; set; }

    public DateTime? LastUpdate { get; set; }

    public int? Offset { get; set; }

    /// <summary>data_fields of sleep get and getsummary, getintradayactivity.</summary>
    public IReadOnlyCollection<string> DataFields { get; set; } = [];

    public long? SignalId { get; set; }

    public string? CallbackUrl { get; set; }

    public int Appli { get; set; } = Withings.Client.NotifyAppli.Weight;
}
