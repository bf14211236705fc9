namespace Withings.Portal.Troubleshooting.Diagnosis;

/// <summary>
/// Integrations and client libraries a log or traceback names by their module path: Home Assistant's
/// <c>homeassistant.components.netatmo</c> and <c>custom_components.navimow_pro</c>, Python's
/// <c>site-packages/wyze_sdk/</c>, Node's <c>node_modules/fitbit-api-client/</c>. A log line carries the name of the
/// integration that wrote it even when nobody typed the service's name, so another name there is positive evidence
/// that the error belongs elsewhere. The HTTP, OAuth and runtime layers every client shares say nothing about which
/// API failed and are skipped, as are Withings' own integrations.
/// </summary>
internal static class OtherIntegrationScanner
{
    private const int MaxMentions = 64;

    private static readonly string[] Prefixes =
    [
        "homeassistant.components.", "homeassistant/components/", "custom_components.", "custom_components/",
        "site-packages/", "dist-packages/", "node_modules/",
    ];

    /// <summary>Names of Withings integrations and clients (withings, withings_sync, aiowithings, nokia…).</summary>
    private static readonly string[] WithingsNames = ["withings", "nokia", "healthmate", "health_mate"];

    /// <summary>
    /// Layers under any integration: Home Assistant's core pieces (its HTTP server, OAuth helpers, webhooks, cloud
    /// relay, sensors), HTTP and OAuth libraries, the runtime. Naming them says nothing about which API failed.
    /// </summary>
    private static readonly HashSet<string> SharedLayers = new(StringComparer.OrdinalIgnoreCase)
    {
        // Home Assistant's own components that every integration goes through
        "http", "cloud", "webhook", "auth", "application_credentials", "config", "frontend", "recorder", "api",
        "websocket_api", "onboarding", "system_log", "logger", "sensor", "binary_sensor", "calendar", "diagnostics",
        "repairs", "energy", "history", "logbook", "person", "default_config", "homeassistant", "hassio", "mobile_app",
        "network", "zeroconf", "ssdp", "dhcp", "persistent_notification", "automation", "script", "template",
        // Python runtime, HTTP and OAuth libraries
        "hass_nabucasa", "aiohttp", "requests", "urllib3", "httpx", "httpcore", "h11", "h2", "anyio",
        "yarl", "multidict", "async_timeout", "aiodns", "pycares", "certifi", "idna", "charset_normalizer", "chardet",
        "oauthlib", "requests_oauthlib", "authlib", "rauth", "oauth2client", "google_auth_oauthlib", "backoff", "tenacity",
        "asyncio", "ssl", "socket", "json", "simplejson", "pydantic", "voluptuous", "attr", "attrs", "six",
        "pip", "setuptools", "click", "typer", "flask", "werkzeug", "django", "fastapi", "starlette", "uvicorn",
        "gunicorn", "sqlalchemy", "dateutil", "arrow", "pytz", "tzlocal", "cryptography", "jwt", "jose",
        // Node's HTTP and OAuth packages, and frameworks
        "axios", "node-fetch", "got", "request", "undici", "superagent", "simple-oauth2", "client-oauth2", "oauth",
        "passport", "passport-oauth2", "express", "next", "koa", "@hapi", "@nestjs", "openid-client", "jsonwebtoken",
        "@babel", "typescript", "ts-node", "tslib",
    };

    private static readonly System.Buffers.SearchValues<string> PrefixSearch =
        System.Buffers.SearchValues.Create(Prefixes, StringComparison.OrdinalIgnoreCase);

    public static void Scan(string text, ExtractedSignals signals)
    {
        var pos = 0;
        for (var n = 0; n < MaxMentions; n++)
        {
            var at = text.AsSpan(pos).IndexOfAny(PrefixSearch);
            if (at < 0)
            {
                return;
            }
            pos += at;
            foreach (var prefix in Prefixes)
            {
                if (text.AsSpan(pos).StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    pos += prefix.Length;
                    break;
                }
            }
            var end = pos;
            while (end < text.Length && end - pos < 64 && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-' or '@'))
            {
                end++;
            }
            var name = text[pos..end].ToLowerInvariant();
            if (IsOther(name) && !signals.OtherIntegrations.Contains(name))
            {
                signals.OtherIntegrations.Add(name);
            }
        }
    }

    private static bool IsOther(string name)
    {
        if (name.Length < 2 || SharedLayers.Contains(name))
        {
            return false;
        }
        foreach (var withings in WithingsNames)
        {
            if (name.Contains(withings, StringComparison.Ordinal))
            {
                return false;
            }
        }
        // A versioned egg or wheel directory ("withings_sync-3.3.1-py3.6.egg") is read by its package name.
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 || !SharedLayers.Contains(name[..dash]);
    }
}
