using System.Reflection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The portal as a process: how it is built and run, and the exit code an operator sees.</summary>
public static class PortalProcess
{
    /// <summary>
    /// Builds the portal with <paramref name="build"/>, runs it until it is stopped and gives the process's exit code:
    /// 0 after a stop, 1 when the start failed (a setting that cannot be read or does not validate, a port already in
    /// use, content that cannot be loaded). A failure after the host was built has been logged with its exception by then
    /// ("Hosting failed to start"). Left unhandled, the exception would also abort the runtime (exit code 134, a core
    /// dump where those are on) and print its stack trace again, which reads like a crash; an operator gets instead one
    /// line per cause on standard error.
    /// </summary>
    /// <remarks>
    /// Under <c>WebApplicationFactory</c> the tests run this same entry point inside their own process and need the
    /// start-up exception itself (the factory hands it to the test), so it is caught only when the portal is the
    /// process's own program.
    /// </remarks>
    public static int Run(string[] args, Func<string[], WebApplication> build)
    {
        try
        {
            build(args).Run();
            return 0;
        }
        catch (Exception exception) when (IsTheProcessProgram)
        {
            foreach (var cause in Causes(exception))
            {
                Console.Error.WriteLine($"The portal could not start: {cause}");
            }
            return 1;
        }
    }

    private static bool IsTheProcessProgram => Assembly.GetEntryAssembly() == typeof(PortalProcess).Assembly;

    /// <summary>Each failed validation on its own line (a start may find several); otherwise the exception's message.</summary>
    private static IEnumerable<string> Causes(Exception exception) => exception switch
    {
        OptionsValidationException invalid => invalid.Failures.Select(failure => $"the settings under {SectionOf(invalid.OptionsType)} are invalid: {failure}"),
        AggregateException several => several.InnerExceptions.SelectMany(Causes),
        IOException or InvalidOperationException => [exception.Message],
        _ => [$"{exception.GetType().Name}: {exception.Message}"],
    };

    /// <summary>The configuration section an operator edits: each options class names its own in a <c>Section</c> constant.</summary>
    private static string SectionOf(Type optionsType) =>
        optionsType.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string ?? optionsType.Name;
}
