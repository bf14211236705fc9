namespace Withings.Portal.Content;

/// <summary>A problem in a file under <c>content/</c>, named by file and line so an author can fix it.</summary>
public sealed class ContentException(string file, int line, string problem)
    : Exception($"{file}:{line}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}
