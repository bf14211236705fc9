namespace Withings.Sandbox;

/// <summary>
/// The sandbox on its own (<c>dotnet run --project src/Withings.Sandbox</c>): it serves the Withings URL layout at
/// its root, so a client library under test only changes its two base URLs to <c>http://host/account</c> and
/// <c>http://host/wbsapi</c>.
/// </summary>
public static class SandboxProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Defaults in code: the project ships no appsettings.json (see README).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.AddWithingsSandbox();

        var app = builder.Build();
        app.MapWithingsSandbox("");
        app.Run();
    }
}
