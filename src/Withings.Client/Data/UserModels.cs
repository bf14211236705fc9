using System.Text.Json.Serialization;

namespace Withings.Client;

/// <summary>Body of <c>v2/user action=getdevice</c>.</summary>
public sealed record DevicesResponse([property: JsonPropertyName("devices")] IReadOnlyList<Device> Devices);

/// <summary>A linked device. Here the model id is spelled <c>model_id</c>.</summary>
public sealed record Device(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("model_id")] int? ModelId,
    [property: JsonPropertyName("battery")] string? Battery,
    [property: JsonPropertyName("deviceid")] string? DeviceId,
    [property: JsonPropertyName("hash_deviceid")] string? HashDeviceId,
    [property: JsonPropertyName("timezone")] string? Timezone,
    [property: JsonPropertyName("first_session_date")] long? FirstSessionDate = null,
    [property: JsonPropertyName("last_session_date")] long? LastSessionDate = null);

/// <summary>Body of <c>v2/user action=getgoals</c>.</summary>
public sealed record GoalsResponse([property: JsonPropertyName("goals"), JsonConverter(typeof(GoalsConverter))] Goals Goals);

/// <summary>The user's goals; the API sends <c>[]</c> when there are none, read here as all-null.</summary>
public sealed record Goals(
    [property: JsonPropertyName("steps")] int? Steps,
    [property: JsonPropertyName("sleep")] int? Sleep,
    [property: JsonPropertyName("weight")] GoalWeight? Weight)
{
    public bool IsEmpty => Steps is null && Sleep is null && Weight is null;
}

public sealed record GoalWeight(
    [property: JsonPropertyName("value")] long Value,
    [property: JsonPropertyName("unit")] int Unit)
{
    public decimal Kilograms => MeasureTypes.RealValue(Value, Unit);
}

/// <summary>Body of <c>v2/heart action=list</c>.</summary>
public sealed record HeartListResponse(
    [property: JsonPropertyName("series")] IReadOnlyList<HeartRecording> Series,
    [property: JsonPropertyName("more"), JsonConverter(typeof(IntOrBoolConverter))] bool More = false,
    [property: JsonPropertyName("offset")] int Offset = 0);

/// <summary>An ECG recording; <c>bloodpressure</c> is present only for BPM Core.</summary>
public sealed record HeartRecording(
    [property: JsonPropertyName("deviceid")] string? DeviceId,
    [property: JsonPropertyName("model")] int? Model,
    [property: JsonPropertyName("ecg")] EcgInfo? Ecg,
    [property: JsonPropertyName("bloodpressure")] BloodPressure? BloodPressure,
    [property: JsonPropertyName("heart_rate")] int? HeartRate,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("modified")] long? Modified = null);

public sealed record EcgInfo(
    [property: JsonPropertyName("signalid")] long SignalId,
    [property: JsonPropertyName("afib")] int Afib);

public sealed record BloodPressure(
    [property: JsonPropertyName("diastole")] int Diastole,
    [property: JsonPropertyName("systole")] int Systole);

/// <summary>Body of <c>v2/heart action=get</c>: the ECG signal in µV.</summary>
public sealed record HeartSignalResponse(
    [property: JsonPropertyName("signal"), JsonConverter(typeof(SignalConverter))] IReadOnlyList<int> Signal,
    [property: JsonPropertyName("sampling_frequency")] int SamplingFrequency,
    [property: JsonPropertyName("wearposition")] int? WearPosition);
