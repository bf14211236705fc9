namespace Withings.Sandbox.Wire;

internal static class SandboxRoutes
{
    /// <summary>Every wbsapi service answers GET and POST: real clients use both (e.g.
    /// https://github.com/vangorra/python_withings_api sends GET, https://github.com/jaroslawhartman/withings-sync a form POST;
    /// pinned by <c>DataCallRulesTests</c>).</summary>
    public static readonly string[] GetAndPost = ["GET", "POST"];
}
