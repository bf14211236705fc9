namespace Withings.Sandbox.Wire;

internal static class SandboxRoutes
{
    /// <summary>Every wbsapi service answers GET and POST: real clients use both (API-FACTS §3.0).</summary>
    public static readonly string[] GetAndPost = ["GET", "POST"];
}
