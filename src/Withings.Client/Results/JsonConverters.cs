using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Withings.Client;

/// <summary>
/// <c>userid</c> is an integer in some Withings answers and a string in others (a string in
/// <c>tests/Withings.Sandbox.Tests/Fixtures/withings4j__OAuth_OAuth20-Getyouraccesstoken.json</c>, an integer in
/// <c>withings4j__OAuth_OAuth20-Refreshyouraccesstoken.json</c> beside it): read either, keep a string.
/// </summary>
public sealed class NumberOrStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.TryGetInt64(out var number) ? number.ToString(CultureInfo.InvariantCulture) : reader.GetDouble().ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a string or a number, got {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary><c>more</c> is an integer 0/1 in <c>measure getmeas</c> and a boolean in the v2 services (the captured
/// <c>Fixtures/withings4j__Measure_Measure-Getmeas.json</c> and <c>Fixtures/aiowithings__activity.json</c>).</summary>
public sealed class IntOrBoolConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Number => reader.GetInt64() != 0,
        JsonTokenType.Null => false,
        _ => throw new JsonException($"Expected a boolean or 0/1, got {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

/// <summary>
/// An ECG signal is a JSON array of integers; one published mock (withings4j) sends it as a string holding that
/// array. Both are read.
/// </summary>
public sealed class SignalConverter : JsonConverter<IReadOnlyList<int>>
{
    public override IReadOnlyList<int> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return JsonSerializer.Deserialize<int[]>(reader.GetString() ?? "[]") ?? [];
        }
        return JsonSerializer.Deserialize<int[]>(ref reader, options) ?? [];
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<int> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}

/// <summary>With no goals the API sends <c>"goals": []</c> instead of an object (the captured
/// <c>Fixtures/aiowithings__no_goals.json</c>): that reads as empty goals.</summary>
public sealed class GoalsConverter : JsonConverter<Goals>
{
    public override Goals? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new Goals(null, null, null);
        }
        GoalWeight? weight = null;
        if (root.TryGetProperty("weight", out var w) && w.ValueKind == JsonValueKind.Object)
        {
            weight = new GoalWeight(w.GetProperty("value").GetInt64(), w.GetProperty("unit").GetInt32());
        }
        return new Goals(Int(root, "steps"), Int(root, "sleep"), weight);
    }

    public override void Write(Utf8JsonWriter writer, Goals value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Steps is { } steps)
        {
            writer.WriteNumber("steps", steps);
        }
        if (value.Sleep is { } sleep)
        {
            writer.WriteNumber("sleep", sleep);
        }
        if (value.Weight is { } weight)
        {
            writer.WriteStartObject("weight");
            writer.WriteNumber("value", weight.Value);
            writer.WriteNumber("unit", weight.Unit);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}

/// <summary>
/// An object keyed by strings that the API sends as <c>[]</c> when it has no entry (the PHP empty-array quirk of
/// <see cref="GoalsConverter"/>): <c>getintradayactivity</c>'s <c>series</c> for a day without samples. An empty array
/// reads as an empty dictionary; anything else that is not an object is refused as usual.
/// </summary>
public sealed class EmptyArrayAsEmptyObjectConverter<TValue> : JsonConverter<IReadOnlyDictionary<string, TValue>>
{
    public override IReadOnlyDictionary<string, TValue>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.EndArray)
            {
                throw new JsonException("Expected an object keyed by strings, or an empty array for none.");
            }
            return new Dictionary<string, TValue>();
        }
        return JsonSerializer.Deserialize<Dictionary<string, TValue>>(ref reader, options);
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, TValue> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}
