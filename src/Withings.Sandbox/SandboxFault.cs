using System.Globalization;

namespace Withings.Sandbox;

/// <summary>
/// A failure to inject (configuration <c>Sandbox:Fault</c> or header <c>X-Sandbox-Fault</c>), tokens separated by commas:
/// <c>latency=ms</c> (then answer normally), <c>status=5xx</c> (an HTTP error from "the load balancer"),
/// <c>timeout</c> (never answer), <c>malformed</c> (truncated JSON), <c>maintenance</c> (HTTP 503 maintenance page),
/// <c>522</c> (status 522 Timeout in the body), <c>2555</c> (status 2555 in the body).
/// </summary>
public sealed record SandboxFault(int LatencyMilliseconds, int? HttpStatus, bool Timeout, bool Malformed, bool Maintenance, int? BodyStatus)
{
    public const string HeaderName = "X-Sandbox-Fault";

    public static bool TryParse(string text, out SandboxFault fault, out string? error)
    {
        fault = new SandboxFault(0, null, false, false, false, null);
        error = null;
        foreach (var token in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = token.Split('=', 2) is [var n, var v] ? (n.Trim().ToLowerInvariant(), v.Trim()) : (token.Trim().ToLowerInvariant(), "");
            switch (name)
            {
                case "latency" when int.TryParse(value, CultureInfo.InvariantCulture, out var ms) && ms is >= 0 and <= 120_000:
                    fault = fault with { LatencyMilliseconds = ms };
                    break;
                case "status" when int.TryParse(value, CultureInfo.InvariantCulture, out var code) && code is >= 500 and <= 599:
                    fault = fault with { HttpStatus = code };
                    break;
                case "timeout":
                    fault = fault with { Timeout = true };
                    break;
                case "malformed":
                    fault = fault with { Malformed = true };
                    break;
                case "maintenance":
                    fault = fault with { Maintenance = true };
                    break;
                case "522" or "2555":
                    fault = fault with { BodyStatus = int.Parse(name, CultureInfo.InvariantCulture) };
                    break;
                default:
                    error = $"Unknown fault \"{token}\". Use latency=ms (0-120000), status=500..599, timeout, malformed, maintenance, 522 or 2555.";
                    return false;
            }
        }
        return true;
    }
}
