using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Troubleshooting.Requests;

/// <summary><c>POST /v2/oauth2</c>: form-encoded body with action, client_id, client_secret (or nonce+signature), grant_type.</summary>
internal static class TokenRules
{
    private static readonly string[] TokenKeys = ["action", "grant_type", "client_id", "client_secret", "code", "refresh_token", "redirect_uri"];

    public static void Check(ParsedRequest request, List<RequestIssue> issues)
    {
        if (request.Method == "GET")
        {
            issues.Add(new(SignalFacts.TokenMethodGet, IssueSeverity.Error, "the token request is a GET; `/v2/oauth2` needs a POST with the parameters in a form-encoded body"));
        }
        var inQuery = request.Query.Where(p => TokenKeys.Contains(p.Key)).Select(p => p.Key).ToList();
        if (inQuery.Count > 0)
        {
            issues.Add(new(SignalFacts.TokenParamsInQuery, IssueSeverity.Error,
                $"token parameters are in the URL query ({string.Join(", ", inQuery)}); send them in the POST body (application/x-www-form-urlencoded)"));
        }
        if (request.BodyFormat == BodyFormat.Json)
        {
            issues.Add(new(SignalFacts.TokenJsonBody, IssueSeverity.Error, "the token request body is JSON; `/v2/oauth2` reads a form-encoded body (application/x-www-form-urlencoded)"));
        }
        else if (request.BodyFormat == BodyFormat.Multipart)
        {
            issues.Add(new(SignalFacts.TokenJsonBody, IssueSeverity.Error, "the token request body is multipart (curl -F); send a form-encoded body (curl -d)"));
        }
        if (!request.ParamsKnown)
        {
            return;
        }

        ActionRules.Check(request, issues);
        var action = request.Param("action");
        if (!request.HasParam("client_id"))
        {
            issues.Add(new(SignalFacts.TokenClientIdMissing, IssueSeverity.Error, "the token request has no `client_id`"));
        }
        if (action is null or "requesttoken")
        {
            GrantRules(request, issues);
        }
    }

    private static void GrantRules(ParsedRequest request, List<RequestIssue> issues)
    {
        var signed = request.HasParam("signature") && request.HasParam("nonce");
        if (signed)
        {
            SignatureRules.Check(request, issues);
        }
        else if (!request.HasParam("client_secret"))
        {
            issues.Add(new(SignalFacts.TokenSecretMissing, IssueSeverity.Error, "the token request has neither `client_secret` nor `nonce` + `signature`"));
        }

        switch (request.Param("grant_type"))
        {
            case null:
                issues.Add(new(SignalFacts.TokenGrantTypeMissing, IssueSeverity.Error, "the token request has no `grant_type` (authorization_code or refresh_token)"));
                break;
            case "authorization_code":
                issues.Add(new(SignalFacts.GrantAuthorizationCode, IssueSeverity.Info, FactSentences.GrantAuthorizationCode));
                if (!request.HasParam("redirect_uri"))
                {
                    issues.Add(new(SignalFacts.TokenRedirectUriMissing, IssueSeverity.Warning, "the code exchange has no `redirect_uri` (send the same one as in authorize2)"));
                }
                break;
            case "refresh_token":
                issues.Add(new(SignalFacts.GrantRefreshToken, IssueSeverity.Info, FactSentences.GrantRefreshToken));
                break;
            case var other:
                issues.Add(new(SignalFacts.TokenGrantTypeInvalid, IssueSeverity.Error, $"`grant_type={Shorten(other)}` is not authorization_code or refresh_token"));
                break;
        }
    }

    internal static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
