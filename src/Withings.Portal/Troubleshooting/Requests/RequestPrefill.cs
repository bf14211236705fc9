using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>
/// What a request answers of the decision steps' questions (the query vocabulary: <c>endpoint</c>, <c>host</c>,
/// <c>method</c>, <c>params</c>, <c>grant_type</c>, <c>action</c>), whether the request came in a paste or in the request check.
/// </summary>
public static class RequestPrefill
{
    /// <summary>Adds the values <paramref name="request"/> settles; values already present are kept (the first request wins).</summary>
    public static void AddTo(IDictionary<string, string> prefill, ParsedRequest request)
    {
        if (request.Target is not { IsWithings: true, Kind: { } kind } target)
        {
            return;
        }
        prefill.TryAdd("endpoint", kind);
        prefill.TryAdd("host", HostFamily(target.Host));
        if (request.Param("action") is { } action && RequestTargets.ServicesWithAction(action).Any())
        {
            prefill.TryAdd("action", action);
        }
        if (kind != EndpointKinds.Token)
        {
            return;
        }
        if (request.Method is { } method)
        {
            prefill.TryAdd("method", method);
        }
        if (request.ParamsKnown || request.BodyFormat != BodyFormat.None)
        {
            prefill.TryAdd("params", request.BodyFormat == BodyFormat.Json ? "json"
                : request.Query.Any(p => p.Key is "grant_type" or "client_id" or "code") ? "query" : "body");
        }
        if (request.Param("grant_type") is "authorization_code" or "refresh_token")
        {
            prefill.TryAdd("grant_type", request.Param("grant_type")!);
        }
    }

    /// <summary>The <c>host</c> value of a host family: api, api-com, account, us or other.</summary>
    public static string HostFamily(WithingsHost host) => host switch
    {
        WithingsHost.Api => "api",
        WithingsHost.ApiCom => "api-com",
        WithingsHost.Account => "account",
        WithingsHost.UsApi or WithingsHost.UsAccount => "us",
        _ => "other",
    };
}
