namespace Withings.Portal.WithingsApi;

/// <summary>Which Withings API the portal's server-side calls go to (setting <c>Withings:Mode</c>).</summary>
public enum WithingsApiMode
{
    /// <summary>The simulator embedded at <c>/sandbox</c> (default: works on a fresh machine without internet).</summary>
    Sandbox = 1,

    /// <summary>The real hosts, with the portal's own partner app from configuration or user secrets.</summary>
    Withings = 2,
}
