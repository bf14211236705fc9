namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>What a host + path is on the Withings API (API-FACTS.md §1, §3), or <see cref="None"/> for other hosts.</summary>
public sealed record WithingsEndpoint(string? Kind, string? Service, WithingsHost Host)
{
    public static readonly WithingsEndpoint None = new(null, null, WithingsHost.NotWithings);

    public bool IsWithings => Host != WithingsHost.NotWithings;
}

public enum WithingsHost
{
    NotWithings,

    /// <summary>No host in the text (a log line's path, a sandbox path): judged by the path alone.</summary>
    Unknown,
    Api,
    ApiCom,
    Account,
    UsApi,
    UsAccount,
    Developer,
    Sandbox,
}

public static class WithingsEndpoints
{
    /// <summary>Documented actions per service path (API-FACTS.md §1.2, §1.4, §3).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Actions = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["/v2/oauth2"] = ["requesttoken", "getdemoaccess", "recoverauthorizationcode", "revoke"],
        ["/v2/signature"] = ["getnonce"],
        ["/measure"] = ["getmeas"],
        ["/v2/measure"] = ["getactivity", "getintradayactivity", "getworkouts"],
        ["/v2/sleep"] = ["get", "getsummary"],
        ["/v2/user"] = ["getdevice", "getgoals", "get", "activate", "link", "unlink"],
        ["/v2/heart"] = ["list", "get"],
        ["/notify"] = ["subscribe", "get", "list", "revoke", "update"],
    };

    /// <summary>The scope each data action needs (API-FACTS.md §1.1 scope table).</summary>
    public static readonly IReadOnlyDictionary<string, string> ScopeOfAction = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["getmeas"] = "user.metrics",
        ["getactivity"] = "user.activity",
        ["getintradayactivity"] = "user.activity",
        ["getworkouts"] = "user.activity",
        ["getsummary"] = "user.activity",
    };

    /// <summary>Services whose action names are too common to look for alone ("list", "get"): named with their service.</summary>
    public static readonly IReadOnlyDictionary<string, string> ScopeOfServiceWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["v2/heart"] = "user.metrics",
        ["heart list"] = "user.metrics",
        ["heart get"] = "user.metrics",
    };

    public static WithingsEndpoint Classify(string? host, string path)
    {
        var kind = HostKind(host);
        if (kind == WithingsHost.NotWithings)
        {
            return WithingsEndpoint.None;
        }
        var p = path.ToLowerInvariant().TrimEnd('/');
        if (kind is WithingsHost.Unknown or WithingsHost.Sandbox)
        {
            // Sandbox layout: {base}/account/… and {base}/wbsapi/…
            var wbsapi = p.IndexOf("/wbsapi/", StringComparison.Ordinal);
            var account = p.IndexOf("/account/", StringComparison.Ordinal);
            if (wbsapi >= 0) { p = p[(wbsapi + 7)..]; kind = WithingsHost.Sandbox; }
            else if (account >= 0 && !p.Contains("_token", StringComparison.Ordinal)) { p = p[(account + 8)..]; kind = WithingsHost.Sandbox; }
        }

        return p switch
        {
            "/oauth2_user/authorize2" => new("authorize", p, kind),
            "/oauth2_user/authorize" or "/oauth2/authorize" => new("authorize-v1", p, kind),
            "/oauth2/token" => new("legacy-token", p, kind),
            "/v2/oauth2" => new("token", p, kind),
            "/v2/signature" => new("signature", p, kind),
            "/notify" => new("notify", p, kind),
            "/measure" or "/v2/measure" or "/v2/sleep" or "/v2/user" or "/v2/heart" => new("data", p, kind),
            _ when p.Contains("request_token", StringComparison.Ordinal) || p.Contains("access_token", StringComparison.Ordinal)
                || p.StartsWith("/account/authorize", StringComparison.Ordinal) => new("oauth1", p, kind),
            _ when kind == WithingsHost.Developer || p.StartsWith("/dashboard", StringComparison.Ordinal) => new("registration", p, kind),
            _ when kind is WithingsHost.Api or WithingsHost.ApiCom or WithingsHost.UsApi && p.Length > 0 => new(null, p, kind),
            _ => new(null, null, kind),
        };
    }

    public static WithingsHost HostKind(string? host)
    {
        if (host is null)
        {
            return WithingsHost.Unknown;
        }
        var h = host.ToLowerInvariant();
        return h switch
        {
            "wbsapi.withings.net" => WithingsHost.Api,
            "wbsapi.withings.com" => WithingsHost.ApiCom,
            "account.withings.com" or "account.withings.net" or "oauth.withings.com" => WithingsHost.Account,
            "wbsapi.us.withingsmed.net" or "wbsapi.us.withingsmed.com" => WithingsHost.UsApi,
            "account.us.withingsmed.com" or "account.us.withingsmed.net" => WithingsHost.UsAccount,
            "developer.withings.com" => WithingsHost.Developer,
            "localhost" or "127.0.0.1" => WithingsHost.Unknown,
            _ when h.EndsWith(".withings.com", StringComparison.Ordinal) || h.EndsWith(".withings.net", StringComparison.Ordinal) => WithingsHost.Account,
            _ => WithingsHost.NotWithings,
        };
    }
}
