using Withings.Client;
using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>
/// What is wrong (or notable) about one request to Withings, from the documented rules (the API reference, https://developer.withings.com/api-reference, and the OAuth guide): hosts,
/// paths, method and parameter placement at the token endpoint, <c>action</c>, token placement, OAuth 1.0 leftovers.
/// Requests to other hosts get no issue. Rules only judge what the text shows.
/// </summary>
public static class RequestRules
{
    private static readonly string[] OAuth1Keys =
        ["oauth_consumer_key", "oauth_token", "oauth_signature", "oauth_nonce", "oauth_signature_method", "oauth_timestamp"];

    public static IReadOnlyList<RequestIssue> Check(ParsedRequest request)
    {
        var issues = new List<RequestIssue>();
        var endpoint = request.Target;
        if (!endpoint.IsWithings)
        {
            return issues;
        }
        HostRules(request, issues);
        switch (endpoint.Kind)
        {
            case EndpointKinds.Authorize:
                issues.Add(new(SignalFacts.EndpointAuthorize, IssueSeverity.Info, "the request is the authorize2 consent page"));
                UrlRules.CheckRedirect(request.Param("redirect_uri"), issues);
                break;
            case EndpointKinds.AuthorizeV1:
                issues.Add(new(SignalFacts.EndpointAuthorizeV1, IssueSeverity.Error, FactSentences.AuthorizeV1(endpoint.Service!.TrimStart('/'))));
                UrlRules.CheckRedirect(request.Param("redirect_uri"), issues);
                break;
            case EndpointKinds.LegacyToken:
                issues.Add(new(SignalFacts.EndpointLegacyToken, IssueSeverity.Error,
                    "the request goes to the retired `account.withings.com/oauth2/token` endpoint (shut down 2022-02-08); use `POST https://wbsapi.withings.net/v2/oauth2` with `action=requesttoken`"));
                break;
            case EndpointKinds.OAuth1:
                issues.Add(new(SignalFacts.EndpointOAuth1, IssueSeverity.Error, $"the request uses the OAuth 1.0 endpoint `{endpoint.Service}`, which is shut down"));
                break;
            case EndpointKinds.Token:
                issues.Add(new(SignalFacts.EndpointToken, IssueSeverity.Info, "the request goes to the token endpoint `/v2/oauth2`"));
                TokenRules.Check(request, issues);
                break;
            case EndpointKinds.Signature:
                issues.Add(new(SignalFacts.EndpointSignature, IssueSeverity.Info, "the request goes to the signature endpoint `/v2/signature`"));
                ActionRules.Check(request, issues);
                break;
            case EndpointKinds.Data or EndpointKinds.Notify:
                issues.Add(endpoint.Kind == EndpointKinds.Notify
                    ? new(SignalFacts.EndpointNotify, IssueSeverity.Info, "the request goes to the notification service `/notify`")
                    : new(SignalFacts.EndpointData, IssueSeverity.Info, $"the request is a data call to `{endpoint.Service}`"));
                ActionRules.Check(request, issues);
                DataRules.Check(request, issues);
                if (endpoint.Kind == EndpointKinds.Notify)
                {
                    UrlRules.CheckCallback(request.Param("callbackurl"), issues);
                }
                break;
            case EndpointKinds.Registration:
                issues.Add(new(SignalFacts.EndpointRegistration, IssueSeverity.Info, "the page is the developer dashboard (app settings)"));
                break;
            case null when endpoint.Service is not null:
                issues.Add(new(SignalFacts.PathUnknown, IssueSeverity.Error,
                    $"`{endpoint.Service}` is not a Withings service path (services: {string.Join(", ", WithingsServices.All.Select(s => s.Path))})"));
                break;
        }
        if (OAuth1Keys.FirstOrDefault(request.HasParam) is { } oauth1)
        {
            issues.Add(new(SignalFacts.OAuth1Params, IssueSeverity.Error, $"the request carries the OAuth 1.0 parameter `{oauth1}`; OAuth 1.0 is shut down"));
        }
        return issues;
    }

    private static void HostRules(ParsedRequest request, List<RequestIssue> issues)
    {
        var endpoint = request.Target;
        switch (endpoint.Host)
        {
            case WithingsHost.Api or WithingsHost.ApiCom or WithingsHost.UsApi when endpoint.Kind is EndpointKinds.Authorize or EndpointKinds.AuthorizeV1:
                issues.Add(new(SignalFacts.HostApiForAuthorize, IssueSeverity.Error,
                    $"the consent page is opened on `{request.Host}`, the API's host; it is on `account.withings.com` (`account.us.withingsmed.com` for the US medical cloud)"));
                break;
            case WithingsHost.ApiCom:
                issues.Add(new(SignalFacts.HostApiCom, IssueSeverity.Error, FactSentences.HostApiCom));
                break;
            case WithingsHost.Account or WithingsHost.UsAccount when endpoint.Kind is EndpointKinds.Token or EndpointKinds.Data or EndpointKinds.Notify or EndpointKinds.Signature:
                issues.Add(new(SignalFacts.HostAccountForApi, IssueSeverity.Error,
                    $"`{endpoint.Service}` is called on `{request.Host}`; API calls go to `wbsapi.withings.net` (only the consent page is on `account.withings.com`)"));
                break;
            case WithingsHost.UsApi or WithingsHost.UsAccount:
                issues.Add(new(SignalFacts.HostUsCloud, IssueSeverity.Info, $"host `{request.Host}` is the US medical cloud"));
                break;
        }
    }
}
