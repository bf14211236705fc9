using System.Text.Json;
using Withings.Sandbox.Tests.Infrastructure;

namespace Withings.Sandbox.Tests.Wire;

/// <summary>The shape comparison itself must catch the differences the fixture tests are about.</summary>
public class JsonShapeTests
{
    private static List<string> Diff(string captured, string actual) =>
        JsonShape.Differences(JsonDocument.Parse(captured).RootElement, JsonDocument.Parse(actual).RootElement, new HashSet<string>());

    [Fact]
    public void IntegerMoreIsNotABooleanMore() =>
        Assert.Single(Diff("""{"more":1}""", """{"more":true}"""));

    [Fact]
    public void ModelIdSpelledDifferentlyIsMissing() =>
        Assert.Equal(["$[0].modelid: missing in the sandbox's answer"], Diff("""[{"modelid":5}]""", """[{"model_id":5}]"""));

    [Fact]
    public void SeriesArrayIsNotAnObject() =>
        Assert.Single(Diff("""{"series":[{"state":1}]}""", """{"series":{"1618691453":{"state":1}}}"""));

    [Fact]
    public void NullMatchesAnyTypeAndExtraFieldsAreFine() =>
        Assert.Empty(Diff("""{"deviceid":null,"a":[{"b":"x"}]}""", """{"deviceid":"abc","a":[{"b":"y","c":1}],"d":2}"""));
}
