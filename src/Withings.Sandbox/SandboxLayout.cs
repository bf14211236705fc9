namespace Withings.Sandbox;

/// <summary>
/// The sandbox's URL layout, fixed so that any Withings client can be pointed at it by changing only its two base URLs:
/// <c>{base}/account/…</c> stands for <c>https://account.withings.com/…</c> and <c>{base}/wbsapi/…</c> for
/// <c>https://wbsapi.withings.net/…</c>. <c>{base}</c> is <see cref="PortalMount"/> inside the portal and the root when the
/// sandbox runs on its own.
/// </summary>
public static class SandboxLayout
{
    /// <summary>Where the portal mounts the sandbox.</summary>
    public const string PortalMount = "/sandbox";

    /// <summary>Stands for <c>https://account.withings.com</c>.</summary>
    public const string Account = "/account";

    /// <summary>Stands for <c>https://wbsapi.withings.net</c>.</summary>
    public const string Api = "/wbsapi";

    /// <summary>The two base URLs a client uses for a sandbox at <paramref name="baseUrl"/> (e.g. <c>http://localhost/sandbox</c>).</summary>
    public static (string AccountBaseUrl, string ApiBaseUrl) BaseUrls(string baseUrl) =>
        (baseUrl.TrimEnd('/') + Account, baseUrl.TrimEnd('/') + Api);
}
