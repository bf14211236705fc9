using Withings.Portal.Troubleshooting.Signals;

namespace Withings.Portal.Troubleshooting.Requests;

/// <summary>Data and notify calls carry the user's access token as <c>Authorization: Bearer</c>.</summary>
internal static class DataRules
{
    public static void Check(ParsedRequest request, List<RequestIssue> issues)
    {
        var authorization = request.Header("Authorization");
        var tokenParam = request.HasParam("access_token");
        if (tokenParam)
        {
            issues.Add(new(SignalFacts.DataTokenInQuery, IssueSeverity.Warning,
                "the access token is sent as an `access_token` parameter; the documented way is the header `Authorization: Bearer <access_token>`"));
        }
        if (authorization is not null && !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            issues.Add(new(SignalFacts.DataAuthNotBearer, IssueSeverity.Error, "the `Authorization` header is not `Bearer <access_token>`"));
        }
        var headersShown = request.Source is RequestSource.Curl or RequestSource.RawHttp;
        if (headersShown && authorization is null && !tokenParam && !request.HasParam("signature"))
        {
            issues.Add(new(SignalFacts.DataBearerMissing, IssueSeverity.Error, "the data call carries no access token (header `Authorization: Bearer <access_token>`)"));
        }
    }
}
