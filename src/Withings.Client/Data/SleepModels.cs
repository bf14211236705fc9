using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Withings.Client;

/// <summary>
/// Body of <c>v2/sleep action=get</c>. The OpenAPI types <c>series</c> as an object but real answers send an array
/// of state segments, plus a top-level <c>model</c> (16 tracker, 32 sleep monitor).
/// </summary>
public sealed record SleepResponse(
    [property: JsonPropertyName("series")] IReadOnlyList<SleepSegment> Series,
    [property: JsonPropertyName("model")] int? Model = null);

/// <summary>A sleep state segment; each requested data field (hr, rr, snoring…) is an object keyed by epoch seconds.</summary>
public sealed record SleepSegment(
    [property: JsonPropertyName("startdate")] long StartDate,
    [property: JsonPropertyName("enddate")] long EndDate,
    [property: JsonPropertyName("state")] int State,
    [property: JsonPropertyName("model")] string? Model = null,
    [property: JsonPropertyName("model_id")] int? ModelId = null,
    [property: JsonPropertyName("hash_deviceid")] string? HashDeviceId = null)
{
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Fields { get; init; }

    /// <summary>0 awake, 1 light, 2 deep, 3 REM, 4 manual, 5 unspecified.</summary>
    public string StateName => State switch
    {
        0 => "awake", 1 => "light", 2 => "deep", 3 => "REM", 4 => "manual", 5 => "unspecified", 15 => "out of bed", _ => $"state {State}",
    };

    /// <summary>The samples of one field (e.g. "hr"), by time.</summary>
    public IReadOnlyList<KeyValuePair<DateTimeOffset, double>> Samples(string field)
    {
        if (Fields is null || !Fields.TryGetValue(field, out var element) || element.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        return [.. element.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Number)
            .Select(p => KeyValuePair.Create(DateTimeOffset.FromUnixTimeSeconds(long.Parse(p.Name, CultureInfo.InvariantCulture)), p.Value.GetDouble()))
            .OrderBy(p => p.Key)];
    }
}

/// <summary>Body of <c>v2/sleep action=getsummary</c>.</summary>
public sealed record SleepSummaryResponse(
    [property: JsonPropertyName("series")] IReadOnlyList<SleepSummary> Series,
    [property: JsonPropertyName("more"), JsonConverter(typeof(IntOrBoolConverter))] bool More = false,
    [property: JsonPropertyName("offset")] int Offset = 0);

/// <summary>One night. <c>data</c> holds a default subset when no data_fields were asked for.</summary>
public sealed record SleepSummary(
    [property: JsonPropertyName("id")] long? Id,
    [property: JsonPropertyName("timezone")] string? Timezone,
    [property: JsonPropertyName("model")] int? Model,
    [property: JsonPropertyName("model_id")] int? ModelId,
    [property: JsonPropertyName("hash_deviceid")] string? HashDeviceId,
    [property: JsonPropertyName("startdate")] long StartDate,
    [property: JsonPropertyName("enddate")] long EndDate,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("created")] long? Created,
    [property: JsonPropertyName("modified")] long? Modified,
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, JsonElement>? Data)
{
    public double? Number(string field) => WorkoutData.Number(Data, field);

    public TimeSpan? TotalSleepTime => Number("total_sleep_time") is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
}
