namespace Withings.Portal.Tests.Architecture;

/// <summary>
/// Every folder is a namespace; these tests read the compiled assemblies (signatures, attributes and method bodies)
/// and check that no two folders depend on each other, directly or through others. A loop means following a feature
/// goes back and forth between folders; it is broken by moving the shared part to a folder both depend on.
/// </summary>
public sealed class FeatureFolderDependencyTests(ITestOutputHelper output)
{
    public static TheoryData<string> Assemblies => ["Withings.Portal", "Withings.Sandbox", "Withings.Client"];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void NoTwoFoldersDependOnEachOther(string assemblyName)
    {
        var graph = NamespaceGraph.Read(Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll"));
        var loops = graph.Loops();
        foreach (var loop in loops)
        {
            output.WriteLine(graph.Describe(loop));
        }
        Assert.True(loops.Count == 0, string.Join("\n\n", loops.Select(graph.Describe)));
    }
}
