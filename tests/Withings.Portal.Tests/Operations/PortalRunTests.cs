using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Withings.Portal.Tests.Troubleshooting;

namespace Withings.Portal.Tests.Operations;

/// <summary>The portal as a process: how a start that cannot go on ends, as an operator sees it.</summary>
public class PortalRunTests
{
    [Fact]
    public async Task APortInUseEndsTheStartWithExitCodeOneAndOneLineSayingWhy()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var (exitCode, output, errors) = await RunPortalAsync(("ASPNETCORE_URLS", $"http://127.0.0.1:{port}"));

        Assert.Equal(1, exitCode);
        Assert.Contains($"The portal could not start: Failed to bind to address http://127.0.0.1:{port}: address already in use.", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", errors, StringComparison.Ordinal);
        Assert.Contains("Hosting failed to start", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidSettingsEndTheStartWithExitCodeOneAndALinePerSettingNamingItsSection()
    {
        var (exitCode, _, errors) = await RunPortalAsync(
            ("Troubleshooting__DiagnoseApi__PermitLimit", "0"), ("Troubleshooting__DiagnoseApi__WindowSeconds", "0"));

        Assert.Equal(1, exitCode);
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("The portal could not start: the settings under Troubleshooting:DiagnoseApi are invalid:", line, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("PermitLimit must be between 1 and 10000", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("WindowSeconds must be between 1 and 3600", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownDatabaseProviderEndsTheStartWithExitCodeOneAndTheSettingToFix()
    {
        var (exitCode, _, errors) = await RunPortalAsync(("Database__Provider", "Oracle"));

        Assert.Equal(1, exitCode);
        Assert.Equal(
            "The portal could not start: Database:Provider is 'Oracle', which the portal does not support. Use 'Sqlite' (the embedded default) or 'SqlServer'.",
            errors.Trim());
    }

    /// <summary>
    /// The built portal with <paramref name="settings"/> over its defaults for a test: any free port, a database in a
    /// folder of its own (deleted after), the repository's content.
    /// </summary>
    private static async Task<(int ExitCode, string Output, string Errors)> RunPortalAsync(params (string Name, string Value)[] settings)
    {
        var data = Directory.CreateTempSubdirectory("portal-run-");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(data.FullName, "portal.db")}",
                ["Content__Root"] = TopicFiles.ContentRoot,
            };
            foreach (var (name, value) in settings)
            {
                environment[name] = value;
            }
            return await RunProcessAsync(environment);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    /// <summary>The built portal beside the tests, run by the same dotnet host as this test process.</summary>
    private static async Task<(int ExitCode, string Output, string Errors)> RunProcessAsync(Dictionary<string, string> environment)
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var start = new ProcessStartInfo(Path.Combine(dotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"))
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Withings.Portal.dll") },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        return (process.ExitCode, await output, await errors);
    }
}
