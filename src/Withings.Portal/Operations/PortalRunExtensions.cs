namespace Microsoft.Extensions.DependencyInjection;

public static class PortalRunExtensions
{
    /// <summary>
    /// Runs the portal until it is stopped and gives the process's exit code: 0 after a stop, 1 when Kestrel could not
    /// bind its address (a port already in use, one the process may not open). The host has logged the failure with
    /// its exception by then ("Hosting failed to start"); left unhandled, the exception would also abort the runtime
    /// (exit code 134, a core dump where those are on) and print the same stack trace again, which reads like a crash.
    /// </summary>
    /// <remarks>
    /// Only a bind failure is caught: under <c>WebApplicationFactory</c> the tests run this same entry point and expect
    /// any other start-up exception (options that do not validate) to reach them, and a bind failure cannot happen there.
    /// </remarks>
    public static int RunPortal(this WebApplication app)
    {
        try
        {
            app.Run();
            return 0;
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"The portal could not start: {exception.Message}");
            return 1;
        }
    }
}
