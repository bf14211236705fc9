using System.Text.Json;
using System.Text.Json.Serialization;

namespace Withings.Client;

/// <summary>Body of <c>v2/measure action=getactivity</c>.</summary>
public sealed record ActivityResponse(
    [property: JsonPropertyName("activities")] IReadOnlyList<ActivityDay> Activities,
    [property: JsonPropertyName("more"), JsonConverter(typeof(IntOrBoolConverter))] bool More = false,
    [property: JsonPropertyName("offset")] int Offset = 0);

/// <summary>One day of activity; hr_* fields are absent when there is no heart-rate data.</summary>
public sealed record ActivityDay(
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("timezone")] string? Timezone,
    [property: JsonPropertyName("deviceid")] string? DeviceId,
    [property: JsonPropertyName("hash_deviceid")] string? HashDeviceId,
    [property: JsonPropertyName("brand")] int? Brand,
    [property: JsonPropertyName("is_tracker")] bool? IsTracker,
    [property: JsonPropertyName("steps")] double? Steps,
    [property: JsonPropertyName("distance")] double? Distance,
    [property: JsonPropertyName("elevation")] double? Elevation,
    [property: JsonPropertyName("soft")] double? Soft,
    [property: JsonPropertyName("moderate")] double? Moderate,
    [property: JsonPropertyName("intense")] double? Intense,
    [property: JsonPropertyName("active")] double? Active,
    [property: JsonPropertyName("calories")] double? Calories,
    [property: JsonPropertyName("totalcalories")] double? TotalCalories,
    [property: JsonPropertyName("hr_average")] double? HeartRateAverage = null,
    [property: JsonPropertyName("hr_min")] double? HeartRateMin = null,
    [property: JsonPropertyName("hr_max")] double? HeartRateMax = null,
    [property: JsonPropertyName("modified")] long? Modified = null,
    [property: JsonPropertyName("modelid")] int? ModelId = null,
    [property: JsonPropertyName("model")] string? Model = null);

/// <summary>
/// Body of <c>v2/measure action=getintradayactivity</c>: <c>series</c> is an object keyed by epoch seconds, or <c>[]</c>
/// when there is no sample.
/// </summary>
public sealed record IntradayResponse(
    [property: JsonPropertyName("series"), JsonConverter(typeof(EmptyArrayAsEmptyObjectConverter<IntradayPoint>))] IReadOnlyDictionary<string, IntradayPoint> Series)
{
    public IEnumerable<KeyValuePair<DateTimeOffset, IntradayPoint>> Points =>
        Series.Select(pair => KeyValuePair.Create(DateTimeOffset.FromUnixTimeSeconds(long.Parse(pair.Key, System.Globalization.CultureInfo.InvariantCulture)), pair.Value))
              .OrderBy(pair => pair.Key);
}

/// <summary>One intraday sample; fields beyond the common ones are kept in <see cref="Fields"/>.</summary>
public sealed record IntradayPoint(
    [property: JsonPropertyName("deviceid")] string? DeviceId,
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("model_id")] int? ModelId,
    [property: JsonPropertyName("steps")] double? Steps = null,
    [property: JsonPropertyName("calories")] double? Calories = null,
    [property: JsonPropertyName("distance")] double? Distance = null,
    [property: JsonPropertyName("elevation")] double? Elevation = null,
    [property: JsonPropertyName("heart_rate")] double? HeartRate = null)
{
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Fields { get; init; }
}

/// <summary>Body of <c>v2/measure action=getworkouts</c>.</summary>
public sealed record WorkoutsResponse(
    [property: JsonPropertyName("series")] IReadOnlyList<Workout> Series,
    [property: JsonPropertyName("more"), JsonConverter(typeof(IntOrBoolConverter))] bool More = false,
    [property: JsonPropertyName("offset")] int Offset = 0);

/// <summary>A workout; <c>model</c> is an integer here. Unavailable data fields come back null.</summary>
public sealed record Workout(
    [property: JsonPropertyName("id")] long? Id,
    [property: JsonPropertyName("category")] int Category,
    [property: JsonPropertyName("timezone")] string? Timezone,
    [property: JsonPropertyName("model")] int? Model,
    [property: JsonPropertyName("attrib")] int? Attrib,
    [property: JsonPropertyName("startdate")] long StartDate,
    [property: JsonPropertyName("enddate")] long EndDate,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("modified")] long? Modified,
    [property: JsonPropertyName("deviceid")] string? DeviceId,
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, JsonElement>? Data)
{
    public double? Number(string field) => WorkoutData.Number(Data, field);
}

internal static class WorkoutData
{
    public static double? Number(IReadOnlyDictionary<string, JsonElement>? data, string field) =>
        data is not null && data.TryGetValue(field, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
