using System.Text.Json.Serialization;

namespace Withings.Client;

/// <summary>Body of <c>measure action=getmeas</c>. Here <c>more</c> is an integer 0/1 on the wire.</summary>
public sealed record MeasureResponse(
    [property: JsonPropertyName("updatetime")] long? UpdateTime,
    [property: JsonPropertyName("timezone")] string? Timezone,
    [property: JsonPropertyName("measuregrps")] IReadOnlyList<MeasureGroup> MeasureGroups,
    [property: JsonPropertyName("more"), JsonConverter(typeof(IntOrBoolConverter))] bool More = false,
    [property: JsonPropertyName("offset")] int Offset = 0);

/// <summary>One measurement session. Real captures spell the model id <c>modelid</c> (the OpenAPI says model_id).</summary>
public sealed record MeasureGroup(
    [property: JsonPropertyName("grpid")] long GroupId,
    [property: JsonPropertyName("attrib")] int Attrib,
    [property: JsonPropertyName("date")] long Date,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("modified")] long? Modified,
    [property: JsonPropertyName("category")] int Category,
    [property: JsonPropertyName("deviceid")] string? DeviceId,
    [property: JsonPropertyName("hash_deviceid")] string? HashDeviceId,
    [property: JsonPropertyName("measures")] IReadOnlyList<Measure> Measures,
    [property: JsonPropertyName("modelid")] int? ModelId = null,
    [property: JsonPropertyName("model")] string? Model = null,
    [property: JsonPropertyName("comment")] string? Comment = null)
{
    public DateTimeOffset TakenAt => DateTimeOffset.FromUnixTimeSeconds(Date);

    /// <summary>Entered by hand (attrib 2, or 4 at account creation) rather than measured by a device.</summary>
    public bool IsManual => Attrib is 2 or 4;
}

/// <summary>One value: the real value is <c>value × 10^unit</c>.</summary>
public sealed record Measure(
    [property: JsonPropertyName("value")] long Value,
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("unit")] int Unit,
    [property: JsonPropertyName("algo")] long? Algo = null,
    [property: JsonPropertyName("fm")] int? Fm = null,
    [property: JsonPropertyName("position")] int? Position = null)
{
    public decimal RealValue => MeasureTypes.RealValue(Value, Unit);

    public MeasureType? Kind => MeasureTypes.Find(Type);

    /// <summary>e.g. "Weight 72.45 kg"; unknown types show their id.</summary>
    public string Describe() => Kind is { } kind
        ? $"{kind.Name} {RealValue.ToString(System.Globalization.CultureInfo.InvariantCulture)} {kind.Unit}".TrimEnd()
        : $"Type {Type}: {RealValue.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
