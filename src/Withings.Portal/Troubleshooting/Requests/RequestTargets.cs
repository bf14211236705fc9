using Withings.Client;
using Withings.Portal.Troubleshooting.Signals;
using Withings.Sandbox;

namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>
/// What a request's host and path are on the Withings API: the endpoint kind (<see cref="EndpointKinds"/>), the service
/// path, and which host family it went to; <see cref="None"/> for other hosts.
/// </summary>
public sealed record RequestTarget(string? Kind, string? Service, WithingsHost Host)
{
    public static readonly RequestTarget None = new(null, null, WithingsHost.NotWithings);

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

/// <summary>
/// Classifies a host and path (hosts and paths as documented in the API reference, https://developer.withings.com/api-reference;
/// the services and their actions come from <see cref="WithingsServices"/>).
/// </summary>
public static class RequestTargets
{
    private static readonly string SandboxApi = SandboxLayout.Api + "/";
    private static readonly string SandboxAccount = SandboxLayout.Account + "/";

    public static RequestTarget Classify(string? host, string path)
    {
        var kind = HostKind(host);
        if (kind == WithingsHost.NotWithings)
        {
            return RequestTarget.None;
        }
        var p = path.ToLowerInvariant().TrimEnd('/');
        if (kind is WithingsHost.Unknown or WithingsHost.Sandbox)
        {
            // The sandbox's layout: {base}/account/… and {base}/wbsapi/…
            var wbsapi = p.IndexOf(SandboxApi, StringComparison.Ordinal);
            var account = p.IndexOf(SandboxAccount, StringComparison.Ordinal);
            if (wbsapi >= 0) { p = p[(wbsapi + SandboxLayout.Api.Length)..]; kind = WithingsHost.Sandbox; }
            else if (account >= 0 && !p.Contains("_token", StringComparison.Ordinal)) { p = p[(account + SandboxLayout.Account.Length)..]; kind = WithingsHost.Sandbox; }
        }

        if (WithingsServices.Find(p) is { } service)
        {
            var serviceKind = service == WithingsServices.OAuth2 ? EndpointKinds.Token
                : service == WithingsServices.Signature ? EndpointKinds.Signature
                : service == WithingsServices.Notify ? EndpointKinds.Notify
                : EndpointKinds.Data;
            return new(serviceKind, p, kind);
        }
        return p switch
        {
            "/oauth2_user/authorize2" => new(EndpointKinds.Authorize, p, kind),
            "/oauth2_user/authorize" or "/oauth2/authorize" => new(EndpointKinds.AuthorizeV1, p, kind),
            "/oauth2/token" => new(EndpointKinds.LegacyToken, p, kind),
            _ when p.Contains("request_token", StringComparison.Ordinal) || p.Contains("access_token", StringComparison.Ordinal)
                || p.StartsWith("/account/authorize", StringComparison.Ordinal) => new(EndpointKinds.OAuth1, p, kind),
            _ when kind == WithingsHost.Developer || p.StartsWith("/dashboard", StringComparison.Ordinal) => new(EndpointKinds.Registration, p, kind),
            _ when kind is WithingsHost.Api or WithingsHost.ApiCom or WithingsHost.UsApi && p.Length > 0 => new(null, p, kind),
            _ => new(null, null, kind),
        };
    }

    /// <summary>The services whose actions include <paramref name="action"/> (several share "get" and "list").</summary>
    public static IEnumerable<WithingsService> ServicesWithAction(string action) =>
        WithingsServices.All.Where(s => s.HasAction(action));

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
