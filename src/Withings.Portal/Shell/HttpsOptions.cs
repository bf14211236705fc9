namespace Withings.Portal.Shell;

/// <summary>
/// HTTPS redirection and HSTS (section <c>Https</c>), both on outside Development. Behind a proxy that terminates TLS
/// and forwards <c>X-Forwarded-Proto</c> (see <see cref="ReverseProxyOptions"/>) they keep working; turn them off only
/// when the proxy itself redirects and sends HSTS, so the browser is not told twice or differently.
/// </summary>
public sealed class HttpsOptions
{
    public const string Section = "Https";

    /// <summary>Answer plain-HTTP requests with a redirect to HTTPS (the port comes from <c>HTTPS_PORT</c> or Kestrel's https endpoint).</summary>
    public bool RedirectToHttps { get; set; } = true;

    /// <summary>Send <c>Strict-Transport-Security</c> on HTTPS responses.</summary>
    public bool Hsts { get; set; } = true;

    /// <summary>How long browsers keep to HTTPS after a visit.</summary>
    public int HstsMaxAgeDays { get; set; } = 365;

    public bool AreValid() => HstsMaxAgeDays is >= 1 and <= 730;
}
