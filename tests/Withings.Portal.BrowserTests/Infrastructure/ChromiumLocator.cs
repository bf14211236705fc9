using System.Diagnostics;

namespace Withings.Portal.BrowserTests.Infrastructure;

/// <summary>
/// Finds a Chromium for the browser tests, installing one when the machine has none, so that the README's single
/// test command passes on a fresh machine: Debian/Ubuntu's <c>chromium</c> through apt where apt and root (or
/// password-less sudo) are available, Playwright's own download elsewhere. Never skips: no browser is a failure.
/// </summary>
public static class ChromiumLocator
{
    /// <summary>Set this to use a particular Chromium or Chrome binary.</summary>
    public const string OverrideVariable = "PORTAL_CHROMIUM";

    private static readonly string[] KnownPaths =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <returns>The executable to launch, or null to launch Playwright's own downloaded Chromium.</returns>
    public static string? LocateOrInstall()
    {
        if (Find() is { } found)
        {
            return found;
        }

        if (OperatingSystem.IsLinux() && File.Exists("/usr/bin/apt-get") && CanRunAsRoot(out var sudo))
        {
            Run(sudo, "apt-get", "update -q");
            Run(sudo, "apt-get", "install -y -q --no-install-recommends chromium");
            if (Find() is { } installed)
            {
                return installed;
            }
        }

        var exitCode = Microsoft.Playwright.Program.Main(["install", "chromium"]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                "The browser tests need Chromium and none could be found or installed. Install it (Debian: " +
                $"`apt-get install chromium`) or point {OverrideVariable} at a Chromium/Chrome binary.");
        }
        return null;
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"{OverrideVariable} points at {configured}, which does not exist.");
        }
        return KnownPaths.FirstOrDefault(File.Exists);
    }

    private static bool CanRunAsRoot(out bool viaSudo)
    {
        viaSudo = false;
        if (Environment.UserName == "root" || Run(false, "id", "-u", throwOnFailure: false).Trim() == "0")
        {
            return true;
        }
        viaSudo = File.Exists("/usr/bin/sudo") && TryRun("sudo", "-n true");
        return viaSudo;
    }

    private static bool TryRun(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string Run(bool viaSudo, string file, string arguments, bool throwOnFailure = true)
    {
        var start = viaSudo
            ? new ProcessStartInfo("sudo", $"-n {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && throwOnFailure)
        {
            throw new InvalidOperationException($"`{file} {arguments}` failed ({process.ExitCode}): {errors.Result}");
        }
        return output;
    }
}
