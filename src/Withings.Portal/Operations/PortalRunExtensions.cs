namespace Microsoft.Extensions.DependencyInjection;

public static class PortalRunExtensions
{
    /// <summary>
    /// Runs the portal until it is stopped and gives the process's exit code: 0 after a stop, 1 when it could not start
    /// (a port already in use, options that do not validate). The host has logged the failure with its exception by
    /// then ("Hosting failed to start"); left unhandled, the exception would also abort the runtime (exit code 134, a
    /// core dump where those are on) and print the same stack trace again, which reads like a crash of the portal.
    /// </summary>
    public static int RunPortal(this WebApplication app)
    {
        try
        {
            app.Run();
            return 0;
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"The portal could not start: {exception.Message}");
            return 1;
        }
    }
}
