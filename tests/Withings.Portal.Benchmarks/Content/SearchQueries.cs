namespace Withings.Portal.Benchmarks.Content;

/// <summary>What integrators type: half of them misspelt.</summary>
internal static class SearchQueries
{
    public static readonly string[] All =
    [
        "refresh token", "refesh tokn", "redirect uri mismatch", "redirct uri mismatch", "invalid code",
        "invalid grnt type", "demo user", "dmeo user", "callback url localhost", "calback url locahost",
        "cors policy", "cros policy", "access token expired", "acess token expird", "notification callback 293",
        "notifcation calback", "rate limit 601", "rate limt", "signature nonce", "signatrue nonse",
    ];
}
