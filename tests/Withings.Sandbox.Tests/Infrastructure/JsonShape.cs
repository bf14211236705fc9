using System.Text.Json;

namespace Withings.Sandbox.Tests.Infrastructure;

/// <summary>
/// "Same shape" between a captured answer and the sandbox's: every field of the capture exists in the sandbox's answer with
/// the same JSON type (number, string, boolean, array, object). A null on either side matches anything (nullable fields).
/// Each of the first three items of a captured array must have the shape of some item of the sandbox's array; objects keyed
/// by epoch seconds compare their first values.
/// </summary>
public static class JsonShape
{
    public static List<string> Differences(JsonElement captured, JsonElement actual, IReadOnlySet<string> allowedTypeDifferences)
    {
        var differences = new List<string>();
        Compare(captured, actual, "$", allowedTypeDifferences, differences);
        return differences;
    }

    private static void Compare(JsonElement captured, JsonElement actual, string path, IReadOnlySet<string> allowed, List<string> differences)
    {
        if (captured.ValueKind == JsonValueKind.Null || actual.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        var name = path[(path.LastIndexOf('.') + 1)..];
        if (Kind(captured) != Kind(actual))
        {
            if (!allowed.Contains(name))
            {
                differences.Add($"{path}: captured {Kind(captured)}, sandbox {Kind(actual)}");
            }
            return;
        }
        switch (captured.ValueKind)
        {
            case JsonValueKind.Object when IsEpochKeyed(captured):
                var first = actual.EnumerateObject().FirstOrDefault();
                if (first.Value.ValueKind == JsonValueKind.Undefined)
                {
                    differences.Add($"{path}: the sandbox's object is empty");
                }
                else if (!first.Name.All(char.IsAsciiDigit))
                {
                    differences.Add($"{path}: the sandbox's keys are not epoch seconds ({first.Name})");
                }
                else
                {
                    Compare(captured.EnumerateObject().First().Value, first.Value, path + ".<epoch>", allowed, differences);
                }
                break;
            case JsonValueKind.Object:
                foreach (var property in captured.EnumerateObject())
                {
                    if (actual.TryGetProperty(property.Name, out var value))
                    {
                        Compare(property.Value, value, $"{path}.{property.Name}", allowed, differences);
                    }
                    else
                    {
                        differences.Add($"{path}.{property.Name}: missing in the sandbox's answer");
                    }
                }
                break;
            case JsonValueKind.Array when captured.GetArrayLength() > 0:
                if (actual.GetArrayLength() == 0)
                {
                    differences.Add($"{path}: the sandbox returned an empty list");
                }
                else
                {
                    foreach (var (item, index) in captured.EnumerateArray().Take(3).Select((item, index) => (item, index)))
                    {
                        var closest = actual.EnumerateArray()
                            .Select(candidate => { var d = new List<string>(); Compare(item, candidate, $"{path}[{index}]", allowed, d); return d; })
                            .MinBy(d => d.Count)!;
                        differences.AddRange(closest);
                    }
                }
                break;
        }
    }

    private static bool IsEpochKeyed(JsonElement element) =>
        element.EnumerateObject().Any() && element.EnumerateObject().All(p => p.Name.Length >= 9 && p.Name.All(char.IsAsciiDigit));

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var kind => kind.ToString().ToLowerInvariant(),
    };
}
